import type { DuesCategory } from '../../src/domain/dues/duesCategory';

export const DUES_BASES = 'duesBases';

/** Collection `duesBases`: one document per base set, in force from `from` until the member's next one. */
export type DuesBaseDocument = {
  /** The event id. */
  _id: string;
  memberId: string;
  category: DuesCategory;
  monthlyIncomeMinor: number;
  currency: string;
  from: string;
  recordedAt: string;
  position: string;
};

export const DUES_PAYMENTS = 'duesPayments';

/** Collection `duesPayments`: one document per payment of a member for a period. */
export type DuesPaymentDocument = {
  /** The payment id. */
  _id: string;
  memberId: string;
  /** `YYYY-MM`. */
  period: string;
  amountMinor: number;
  currency: string;
  extra: boolean;
  /**
   * The branch credited by what the read models know now: the member's branch on the period's
   * first day (or on joining, if later), recomputed when a correction changes where they were.
   */
  creditedBranchId: string;
  /** `${creditedBranchId}@${period}`, indexed: the payments credited to a branch for a month. */
  creditKey: string;
  /** The branch the decider credited when the payment was recorded (the event's `creditedBranchId`). */
  recordedBranchId: string;
  /** Effective date of the payment. */
  paidOn: string;
  recordedAt: string;
  position: string;
  /** Revision of the member's dues stream after this payment. */
  version: number;
};
