import { dueUnder, policyVersionFor, type DuesPolicy, type DuesPolicyVersion } from '../../domain/dues/duesPolicy';
import type { Period } from '../../domain/dues/period';
import type { ReadStore } from '../../readstore/readStore';
import { DUES_CREDITS, DUES_SPANS, branchYearsOf, type DuesCreditDocument, type DuesSpanDocument } from '../../../projections';
import { DuesReportTally, type DuesReportResult } from './duesReport';

type Span = Pick<DuesSpanDocument, 'memberId' | 'branchId' | 'from' | 'to' | 'category' | 'monthlyIncomeMinor'>;
type Credit = Pick<DuesCreditDocument, 'period' | 'creditedMinor' | 'memberIds' | 'paidMinor'>;

const SPAN_FIELDS = { projection: { _id: 0, memberId: 1, branchId: 1, from: 1, to: 1, category: 1, monthlyIncomeMinor: 1 } } as const;
const CREDIT_FIELDS = { projection: { _id: 0, period: 1, creditedMinor: 1, memberIds: 1, paidMinor: 1 } } as const;

/**
 * A dues report from the `duesSpans` and `duesCredits` read models, in two read-store calls. They
 * hold every fact known, so they answer for an `asOf` on or after the horizon's `knownThrough` only.
 * A member who counts for a branch in a month paid what was credited to it from them: their
 * payments are credited to the branch they count for.
 */
export async function reportFromSpans(
  store: ReadStore,
  policy: DuesPolicy,
  periods: readonly Period[],
  branchSets: readonly ReadonlySet<string>[],
): Promise<DuesReportResult> {
  const creditKeys = periods.flatMap((period, index) => [...branchSets[index]].map((branchId) => `${branchId}@${period}`));
  const first = periods[0];
  const last = periods[periods.length - 1];
  const branchIds = [...new Set(branchSets.flatMap((set) => [...set]))];
  // The spans reaching the range's years, and the open ones (they reach every year after their first).
  const spanKeys = branchIds.flatMap((branchId) => branchYearsOf(branchId, first, last).concat(`${branchId}@open`));
  const [spans, credits]: [Span[], Credit[]] =
    creditKeys.length === 0
      ? [[], []]
      : await Promise.all([
          store.collection<DuesSpanDocument>(DUES_SPANS).find({ branchYears: { $in: spanKeys } }, SPAN_FIELDS),
          store.collection<DuesCreditDocument>(DUES_CREDITS).find({ _id: { $in: creditKeys } }, CREDIT_FIELDS),
        ]);
  const month = new Map(periods.map((period, index) => [period, index]));
  const tally = new DuesReportTally(periods);
  // What each member paid towards what was due, per month.
  const paidBy = new Map<string, number[]>();
  for (const { period, creditedMinor, memberIds, paidMinor } of credits) {
    const index = month.get(period)!;
    tally.credited(index, creditedMinor);
    for (let at = 0; at < memberIds.length; at++) {
      let paid = paidBy.get(memberIds[at]);
      if (paid === undefined) paidBy.set(memberIds[at], (paid = new Array<number>(periods.length).fill(0)));
      paid[index] += paidMinor[at];
    }
  }
  const versions = periods.map((period) => policyVersionFor(policy, period));
  for (const span of spans) {
    if (span.from > last || (span.to !== null && span.to < first)) continue;
    const paid = paidBy.get(span.memberId);
    const base = span.category === null ? undefined : { category: span.category, monthlyIncomeMinor: span.monthlyIncomeMinor };
    const firstMonth = span.from <= first ? 0 : month.get(span.from)!;
    const lastMonth = span.to === null || span.to >= last ? periods.length - 1 : month.get(span.to)!;
    // The base is the span's: priced again only when the policy version changes.
    let priced: { version: DuesPolicyVersion | undefined; due: number } | undefined;
    for (let index = firstMonth; index <= lastMonth; index++) {
      if (!branchSets[index].has(span.branchId)) continue;
      const version = versions[index];
      if (priced === undefined || priced.version !== version) priced = { version, due: base === undefined ? 0 : dueUnder(version, base) };
      tally.memberDue(index, span.memberId, priced.due, paid?.[index] ?? 0);
    }
  }
  return tally.result();
}
