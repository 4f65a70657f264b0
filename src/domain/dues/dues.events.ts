import { eventTypesOf } from '../aggregate';
import type { DuesCategory } from './duesCategory';
import type { DuesCurrency } from './money';

/**
 * Events of stream `dues-<memberId>`: a member's dues bases and payments. A base is in force from
 * the event's effective date until the next one.
 */
export type DuesBaseSet = {
  type: 'DuesBaseSet';
  data: { memberId: string; category: DuesCategory; monthlyIncomeMinor: number; currency: DuesCurrency };
};
/**
 * A payment for one month; `creditedBranchId` is the member's branch on the period's first day (or on
 * joining, if later) as the decider saw it; read models credit by what is known now, following corrections.
 */
export type DuesPaid = {
  type: 'DuesPaid';
  data: {
    paymentId: string;
    memberId: string;
    /** `YYYY-MM`. */
    period: string;
    amountMinor: number;
    currency: DuesCurrency;
    /** A voluntary contribution beyond what is due. */
    extra: boolean;
    creditedBranchId: string;
  };
};

export type DuesEvent = DuesBaseSet | DuesPaid;

export const duesStream = (memberId: string): string => `dues-${memberId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const duesEventTypes = eventTypesOf<DuesEvent>({ DuesBaseSet: true, DuesPaid: true });
