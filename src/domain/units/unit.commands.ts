import type { CommandTime } from '../shared/commandTime';
import type { UnitLevel } from './unitLevel';
import type { UnitOnDate } from './unitOnDate';

export type EstablishUnit = CommandTime & {
  type: 'EstablishUnit';
  unitId: string;
  level: UnitLevel;
  name: string;
  code: string | null;
  parentId: string | null;
  /** The parent on the effective date; null when `parentId` is null or names no unit. */
  parent: UnitOnDate | null;
  /** Id of an active unit that already uses `code`, if any. */
  codeUsedBy: string | null;
};
export type RenameUnit = CommandTime & { type: 'RenameUnit'; unitId: string; name: string };
export type MoveUnit = CommandTime & {
  type: 'MoveUnit';
  unitId: string;
  parentId: string;
  /** The new parent on the effective date; null when `parentId` names no unit. */
  parent: UnitOnDate | null;
};
export type DissolveUnit = CommandTime & {
  type: 'DissolveUnit';
  unitId: string;
  reason: string | null;
  /** Members of this unit (its branch or group) on the effective date or on any later day. */
  activeMemberCount: number;
  /** Child units under it on the effective date or on any later day. */
  activeChildCount: number;
};

export type UnitCommand = EstablishUnit | RenameUnit | MoveUnit | DissolveUnit;
