import type { CommandTime } from '../shared/commandTime';
import type { UnitLevel } from '../units/unitLevel';
import type { TypedScores } from './scoreCategories';

/** What the scoring rules need to know about the scored unit, from its own stream. */
export interface ScoredUnit {
  unitId: string;
  level: UnitLevel;
  name: string;
  establishedOn: string;
  /** From this date on the unit is no longer active; null while it is. */
  dissolvedOn: string | null;
  /** Its parent on the effective date (or on its last active day). */
  parentId: string | null;
}

export type RecordGroupScore = CommandTime & {
  type: 'RecordGroupScore';
  scoreId: string;
  groupId: string;
  /** Null when `groupId` names no unit. */
  group: ScoredUnit | null;
  quarter: string;
  scores: Partial<TypedScores> | null;
};

export type GroupScoreCommand = RecordGroupScore;
