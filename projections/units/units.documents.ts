import type { UnitLevel } from '../../src/domain/units/unitLevel';

export type UnitStatus = 'ACTIVE' | 'DISSOLVED';

export const UNITS = 'units';

/** Collection `units`: every unit as it stands after the last recorded fact. */
export type UnitDocument = {
  _id: string;
  level: UnitLevel;
  name: string;
  code: string | null;
  parentId: string | null;
  /** Ids from the root down to the parent; excludes the unit itself. */
  ancestors: string[];
  establishedOn: string;
  dissolvedOn: string | null;
  status: UnitStatus;
  /** When the last fact about the unit itself was recorded. */
  recordedAt: string;
  position: string;
  /** Revision of the unit's stream after the last fact about the unit itself (for expectedVersion). */
  version: number;
};
