import type { UnitLevel } from './unitLevel';

/**
 * What a decider needs to know about some unit on one date. The command handler resolves it
 * from the unit's own stream, so cross-aggregate rules are decided on consistent facts.
 */
export interface UnitOnDate {
  unitId: string;
  level: UnitLevel;
  name: string;
  /** The parent on that date (null for a root). */
  parentId: string | null;
  /** Established on or before the date and not dissolved on or before it. */
  active: boolean;
  /** The day its dissolution takes effect, if one is recorded (for an active unit: a later day). */
  dissolvedOn: string | null;
}
