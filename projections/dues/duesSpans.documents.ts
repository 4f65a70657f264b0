import type { DuesCategory } from '../../src/domain/dues/duesCategory';

export const DUES_SPANS = 'duesSpans';

/**
 * Collection `duesSpans`: the months a member counts for a branch at one dues base, as the read
 * models know it now (every fact, whatever its effective date). A month counts when the member owes
 * dues for it and belonged to the branch on its credit day (its first day, or the day they joined
 * if later); the base is the one in force on its last day. A report prices spans by the policy.
 */
export type DuesSpanDocument = {
  /** `${memberId}@${from}` */
  _id: string;
  memberId: string;
  branchId: string;
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, inclusive; null while the member has not left. */
  to: string | null;
  /** Null without a base (nothing due). */
  category: DuesCategory | null;
  monthlyIncomeMinor: number;
  /**
   * Indexed: `${branchId}@${year}` for each year the span reaches, and `${branchId}@open` while it is
   * open, so a report finds the spans of its branches and years, however long the history.
   */
  branchYears: string[];
  /** The latest position of the member's facts and bases it was computed from. */
  position: string;
};

export const DUES_HORIZON = 'duesHorizon';

/** Collection `duesHorizon`, one document (`DUES_HORIZON_ID`): what `duesSpans` and credits know. */
export type DuesHorizonDocument = {
  _id: string;
  /**
   * The latest effective date of any member or dues fact applied. A report as of this date or later
   * can be read from `duesSpans` and the credited payments; an earlier one must leave out the facts
   * that came later.
   */
  knownThrough: string;
  /** Of the event that set `knownThrough` (the last of that date). */
  position: string;
};

export const DUES_HORIZON_ID = 'dues';
