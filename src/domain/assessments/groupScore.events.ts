import { eventTypesOf } from '../aggregate';
import type { CategoryScores } from './scoreCategories';

/**
 * Events of stream `groupscore-<groupId>`: every quarterly score of one group. Scoring the same
 * quarter again records a new score that names the one it supersedes; the old one stays readable.
 */
export type GroupScored = {
  type: 'GroupScored';
  data: {
    /** Id of this score record. */
    scoreId: string;
    groupId: string;
    /** `YYYY-Qn`. */
    quarter: string;
    /** Points per category in hundredths (150 = 1.50). */
    scores: CategoryScores;
    /** Sum of the categories in hundredths, at most 1000. */
    total: number;
    /** The score of the same quarter this one replaces; null for the quarter's first. */
    supersedes: string | null;
    /** The group's branch on the day the score took effect, so the event says whose group it is. */
    branchId: string | null;
  };
};

export type GroupScoreEvent = GroupScored;

export const groupScoreStream = (groupId: string): string => `groupscore-${groupId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const groupScoreEventTypes = eventTypesOf<GroupScoreEvent>({ GroupScored: true });
