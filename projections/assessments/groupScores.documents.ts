import type { CategoryScores } from '../../src/domain/assessments/scoreCategories';

export const GROUP_SCORES = 'groupScores';

/**
 * Collection `groupScores`: one document per recorded score of a group for a quarter. A re-score
 * of the quarter is a new document; the one it replaced gets `supersededBy` and `supersededOn`.
 */
export type GroupScoreDocument = {
  _id: string;
  groupId: string;
  /** `YYYY-Qn`. */
  quarter: string;
  /** Points per category in hundredths. */
  scores: CategoryScores;
  /** In hundredths, at most 1000. */
  total: number;
  /** Effective date of the score. */
  scoredOn: string;
  /** The group's branch on that date. */
  branchId: string | null;
  supersedes: string | null;
  /** The score that replaced this one, and from when; null while it stands. */
  supersededBy: string | null;
  supersededOn: string | null;
  recordedAt: string;
  position: string;
  /** Revision of the group's score stream after this score. */
  version: number;
};
