import { eventTypesOf } from '../aggregate';
import type { UnitLevel } from './unitLevel';

/** Events of the unit aggregate, stream `unit-<unitId>`. */
export type UnitEstablished = {
  type: 'UnitEstablished';
  data: { unitId: string; level: UnitLevel; name: string; code: string | null; parentId: string | null };
};
export type UnitRenamed = { type: 'UnitRenamed'; data: { unitId: string; name: string; previousName: string } };
export type UnitMoved = { type: 'UnitMoved'; data: { unitId: string; parentId: string; previousParentId: string } };
export type UnitDissolved = { type: 'UnitDissolved'; data: { unitId: string; reason: string | null } };

export type UnitEvent = UnitEstablished | UnitRenamed | UnitMoved | UnitDissolved;

export const unitStream = (unitId: string): string => `unit-${unitId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const unitEventTypes = eventTypesOf<UnitEvent>({ UnitEstablished: true, UnitRenamed: true, UnitMoved: true, UnitDissolved: true });
