export const DUES_CREDITS = 'duesCredits';

/**
 * Collection `duesCredits`: per branch and month, what was paid for the month and credited to the
 * branch (see `DuesPaymentDocument.creditedBranchId`), and by whom. Recomputed from the payments
 * credited there whenever one of them is recorded or re-credited.
 */
export type DuesCreditDocument = {
  /** `${branchId}@${period}`, the payments' `creditKey`. */
  _id: string;
  branchId: string;
  /** `YYYY-MM`. */
  period: string;
  /** Every payment credited, extra contributions included. */
  creditedMinor: number;
  /** The members who paid, by id; `paidMinor[i]` is what `memberIds[i]` paid towards what is due (extra contributions left out). */
  memberIds: string[];
  paidMinor: number[];
  /** The latest position of the payments credited. */
  position: string;
};
