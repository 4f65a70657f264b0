import type { LocalDate } from '../shared/localDate';
import type { CommandTime } from '../shared/commandTime';
import type { DuesPolicy } from './duesPolicy';

/** A member's branch from `from` on, until the next entry. */
export interface BranchSpan {
  from: LocalDate;
  branchId: string;
}

/** What the dues rules need to know about a member, from the member's whole stream. */
export interface DuesMember {
  memberId: string;
  name: string;
  registeredOn: LocalDate;
  /** The political birthday; null while not (yet) a party member. */
  joinedOn: LocalDate | null;
  leftOn: LocalDate | null;
  /** Oldest first; the first entry starts on registration. */
  branches: readonly BranchSpan[];
}

export type SetDuesBase = CommandTime & {
  type: 'SetDuesBase';
  memberId: string;
  /** Null when `memberId` names no member. */
  member: DuesMember | null;
  category: string;
  /** Decimal string, at most two places. */
  monthlyIncome: string;
};

export type RecordDuesPayment = CommandTime & {
  type: 'RecordDuesPayment';
  paymentId: string;
  memberId: string;
  member: DuesMember | null;
  period: string;
  /** Decimal string, at most two places. */
  amount: string;
  extra: boolean;
  policy: DuesPolicy;
};

export type DuesCommand = SetDuesBase | RecordDuesPayment;
