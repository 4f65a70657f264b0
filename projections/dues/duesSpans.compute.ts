import { baseOn, type DatedDuesBase } from '../../src/domain/dues/dues';
import { owesDuesFor } from '../../src/domain/dues/duesMembership';
import { lastDayOf, nextPeriod, periodOf, previousPeriod, type Period } from '../../src/domain/dues/period';
import { countedBranchOn, type Placement } from './duesPlacement';
import type { DuesSpanDocument } from './duesSpans.documents';

/** What the read models know of a member that their dues spans follow from. */
export interface DuesMemberFacts {
  memberId: string;
  joinedOn: string | null;
  leftOn: string | null;
  memberships: readonly Placement[];
  /** In effective-date order, one per date. */
  bases: readonly DatedDuesBase[];
  /** The latest position of the member's own facts and of their bases. */
  position: string;
}

/** What a month of a member looks like: counted for a branch at a base, or not counted (undefined). */
type Month = { branchId: string; category: DuesSpanDocument['category']; monthlyIncomeMinor: number } | undefined;

/**
 * The member's spans, oldest first. Whether they owe, the branch they count for (on the month's
 * credit day) and their base (on its last day) can only change in the month of one of their facts'
 * dates or in the month after, so only those months are looked at.
 */
export function spansOf(facts: DuesMemberFacts): DuesSpanDocument[] {
  const { joinedOn, leftOn } = facts;
  if (joinedOn === null || facts.memberships.length === 0) return [];
  const start = periodOf(joinedOn);
  const dates = [
    joinedOn,
    ...(leftOn === null ? [] : [leftOn]),
    ...facts.memberships.map((membership) => membership.validFrom),
    ...facts.bases.map((base) => base.from),
  ];
  const changes = [...new Set(dates.flatMap((date) => [periodOf(date), nextPeriod(periodOf(date))]))].filter((period) => period >= start).sort();
  const spans: DuesSpanDocument[] = [];
  let open: { from: Period; month: NonNullable<Month> } | undefined;
  const close = (to: Period | null): void => {
    if (open === undefined) return;
    const { from, month } = open;
    const branchYears = branchYearsOf(month.branchId, from, to);
    spans.push({ _id: `${facts.memberId}@${from}`, memberId: facts.memberId, from, to, ...month, branchYears, position: facts.position });
    open = undefined;
  };
  for (const period of changes) {
    // Once they have left, a member never owes again.
    if (!owesDuesFor(period, facts)) {
      close(previousPeriod(period));
      return spans;
    }
    const month = monthOf(facts, joinedOn, period);
    if (open !== undefined && month !== undefined && sameMonth(open.month, month)) continue;
    close(previousPeriod(period));
    if (month !== undefined) open = { from: period, month };
  }
  close(null);
  return spans;
}

function monthOf(facts: DuesMemberFacts, joinedOn: string, period: Period): Month {
  const branchId = countedBranchOn(facts.memberships, period, joinedOn);
  if (branchId === undefined) return undefined;
  const base = baseOn(facts.bases, lastDayOf(period));
  return { branchId, category: base?.category ?? null, monthlyIncomeMinor: base?.monthlyIncomeMinor ?? 0 };
}

function sameMonth(a: NonNullable<Month>, b: NonNullable<Month>): boolean {
  return a.branchId === b.branchId && a.category === b.category && a.monthlyIncomeMinor === b.monthlyIncomeMinor;
}

/** The `branchYears` of a span of `branchId` from `from` to `to` (null: open). */
export function branchYearsOf(branchId: string, from: Period, to: Period | null): string[] {
  const keys: string[] = [];
  const last = Number((to ?? from).slice(0, 4));
  for (let year = Number(from.slice(0, 4)); year <= last; year++) keys.push(`${branchId}@${year}`);
  if (to === null) keys.push(`${branchId}@open`);
  return keys;
}
