import { creditDayOf } from '../../src/domain/dues/duesMembership';
import type { Period } from '../../src/domain/dues/period';
import type { LocalDate } from '../../src/domain/shared/localDate';
import { lastStartedOn, type Interval } from '../shared/temporal';

/** A membership as placement needs it. */
export type Placement = Interval & { branchId: string };

/**
 * The branch a member counts for in `period`: where they belonged on its credit day (its first
 * day, or the day they joined if later). Undefined when they had no membership yet that day.
 */
export function countedBranchOn(memberships: readonly Placement[], period: Period, joinedOn: LocalDate): string | undefined {
  return lastStartedOn(memberships, creditDayOf(period, joinedOn))?.branchId;
}

/**
 * The branch a payment for `period` is credited to by what the read models know now: the member's
 * branch on the credit day, or their first branch for a day before any membership (as the decider
 * does). Without a date of joining or any membership, the branch the decider credited stands.
 */
export function creditedBranchOf(memberships: readonly Placement[], period: Period, joinedOn: LocalDate | null, recordedBranchId: string): string {
  if (joinedOn === null || memberships.length === 0) return recordedBranchId;
  const counted = countedBranchOn(memberships, period, joinedOn);
  if (counted !== undefined) return counted;
  return memberships.reduce((first, membership) => (membership.validFrom < first.validFrom ? membership : first)).branchId;
}
