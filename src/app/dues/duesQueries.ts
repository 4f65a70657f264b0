import { baseOn, type DatedDuesBase } from '../../domain/dues/dues';
import { owesDuesFor } from '../../domain/dues/duesMembership';
import { monthlyDue, type DuesBase, type DuesPolicy } from '../../domain/dues/duesPolicy';
import { firstDayOf, lastDayOf, parsePeriod, periodOf, periodsBetween, type Period } from '../../domain/dues/period';
import { InvalidInput } from '../../domain/shared/errors';
import type { ReadStore } from '../../readstore/readStore';
import {
  DUES_BASES,
  DUES_HORIZON,
  DUES_HORIZON_ID,
  DUES_PAYMENTS,
  MEMBERS,
  MEMBERSHIPS,
  countedBranchOn,
  type DuesBaseDocument,
  type DuesHorizonDocument,
  type DuesPaymentDocument,
  type MemberDocument,
  type MembershipDocument,
} from '../../../projections';
import { branchesPerMonth } from './duesBranchScope';
import { DuesReportTally, type DuesReportResult } from './duesReport';
import { reportFromSpans } from './duesReportFromSpans';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

export type { DuesReportMonth, DuesReportResult } from './duesReport';

/** Longest span a dues query covers: ten years of months. */
export const MAX_DUES_PERIODS = 120;

/** One member's dues for one month, in minor units. */
export interface MemberDuesPeriod {
  period: Period;
  dueMinor: number;
  /** Everything paid for the period, extra contributions included. */
  paidMinor: number;
  extraMinor: number;
  /** What is still due: never negative, extra contributions do not count towards it. */
  outstandingMinor: number;
  payments: DuesPaymentDocument[];
}

type DuesMemberFacts = { joinedOn: string | null; leftOn: string | null };

/** Reads of the dues read models (`duesBases`, `duesPayments`, and for reports `duesSpans` and `duesCredits`), priced by the configured policy. */
export class DuesQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
    private readonly policy: DuesPolicy,
  ) {}

  /**
   * A member's due vs paid per month from `from` (default: the month they joined) to `to` (default:
   * the asOf month), as recorded by `asOf`; months they owed nothing for and paid nothing for are left out.
   */
  async ofMember(memberId: string, range: { from?: string | null; to?: string | null }, asOf: string): Promise<MemberDuesPeriod[]> {
    const member = (await this.store.collection<MemberDocument>(MEMBERS).find({ _id: memberId }))[0];
    if (member === undefined || member.registeredOn > asOf) return [];
    const facts = factsAsOf(member, asOf);
    const from = range.from ? parsePeriod(range.from, 'from') : periodOf(facts.joinedOn ?? member.registeredOn);
    const to = range.to ? parsePeriod(range.to, 'to') : periodOf(asOf);
    const periods = requireRange(from, to);
    const [bases, payments] = await Promise.all([this.basesOf([memberId], asOf), this.paymentsOf({ memberId }, from, to, asOf)]);
    const byPeriod = groupBy(payments, (payment) => payment.period);
    return periods
      .map((period) => {
        const paid = byPeriod.get(period) ?? [];
        const dueMinor = this.dueOf(bases.get(memberId) ?? [], facts, period);
        const paidMinor = sum(paid.map((payment) => payment.amountMinor));
        const extraMinor = sum(paid.filter((payment) => payment.extra).map((payment) => payment.amountMinor));
        return { period, dueMinor, paidMinor, extraMinor, outstandingMinor: Math.max(0, dueMinor - (paidMinor - extraMinor)), payments: paid };
      })
      .filter((row) => owesDuesFor(row.period, facts) || row.payments.length > 0);
  }

  /**
   * Per month from `from` to `to`: what the members of the unit's branches (those under it on the
   * month's first day, or only the unit itself) owed, what was credited to those branches, what is
   * still outstanding and how many members are in arrears, as recorded by `asOf`. A member counts for
   * the branch they belonged to on the month's first day (or on joining, if later). Read from the
   * `duesSpans` read model when `asOf` is past every fact it knows (the usual case), else from the facts.
   */
  async report(unitId: string, range: { from: string; to: string; includeDescendants: boolean }, asOf: string): Promise<DuesReportResult> {
    const from = parsePeriod(range.from, 'from');
    const to = parsePeriod(range.to, 'to');
    const periods = requireRange(from, to);
    const [branchSets, horizon] = await Promise.all([
      branchesPerMonth(this.store, this.units, unitId, periods, range.includeDescendants),
      this.store.collection<DuesHorizonDocument>(DUES_HORIZON).findOne({ _id: DUES_HORIZON_ID }),
    ]);
    if (horizon !== null && asOf >= horizon.knownThrough) return reportFromSpans(this.store, this.policy, periods, branchSets);
    return this.reportFromFacts(periods, branchSets, asOf);
  }

  /** Monthly dues on `base` under the policy in force in `period`. */
  monthlyDueOn(base: DuesBase, period: Period): number {
    return monthlyDue(this.policy, base, period);
  }

  /** The report from the bases, payments, members and memberships, leaving out what was recorded with a later effective date than `asOf`. */
  private async reportFromFacts(periods: readonly Period[], branchSets: readonly ReadonlySet<string>[], asOf: string): Promise<DuesReportResult> {
    const from = periods[0];
    const to = periods[periods.length - 1];
    const allBranches = [...new Set(branchSets.flatMap((set) => [...set]))];
    const inRange = await this.store
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find(
        { branchId: { $in: allBranches }, validFrom: { $lte: lastDayOf(to) }, $or: [{ validTo: null }, { validTo: { $gt: firstDayOf(from) } }] },
        { projection: { _id: 0, memberId: 1 } },
      );
    const memberIds = [...new Set(inRange.map((interval) => interval.memberId))];
    const [members, intervals, bases, memberPayments, credited] = await Promise.all([
      this.store.collection<MemberDocument>(MEMBERS).find({ _id: { $in: memberIds } }, { projection: { _id: 1, joinedOn: 1, leftOn: 1 } }),
      this.store
        .collection<MembershipDocument>(MEMBERSHIPS)
        .find({ memberId: { $in: memberIds } }, { projection: { _id: 0, memberId: 1, branchId: 1, validFrom: 1, validTo: 1 } }),
      this.basesOf(memberIds, asOf),
      this.paymentsOf({ memberId: { $in: memberIds } }, from, to, asOf),
      this.paymentsOf({ creditedBranchId: { $in: allBranches } }, from, to, asOf),
    ]);
    const intervalsOf = groupBy(intervals, (interval) => interval.memberId);
    const paidBy = groupBy(memberPayments, (payment) => `${payment.memberId}@${payment.period}`);
    const creditedIn = groupBy(credited, (payment) => payment.period);
    const tally = new DuesReportTally(periods);
    periods.forEach((period, index) => {
      const branches = branchSets[index];
      for (const member of members) {
        const facts = factsAsOf(member, asOf);
        if (facts.joinedOn === null || !owesDuesFor(period, facts)) continue;
        const branchId = countedBranchOn(intervalsOf.get(member._id) ?? [], period, facts.joinedOn);
        if (branchId === undefined || !branches.has(branchId)) continue;
        const paid = sum((paidBy.get(`${member._id}@${period}`) ?? []).filter((payment) => !payment.extra).map((payment) => payment.amountMinor));
        tally.memberDue(index, member._id, this.dueOf(bases.get(member._id) ?? [], facts, period), paid);
      }
      for (const payment of creditedIn.get(period) ?? []) if (branches.has(payment.creditedBranchId)) tally.credited(index, payment.amountMinor);
    });
    return tally.result();
  }

  private dueOf(bases: readonly DatedDuesBase[], facts: DuesMemberFacts, period: Period): number {
    if (!owesDuesFor(period, facts)) return 0;
    const base = baseOn(bases, lastDayOf(period));
    return base === undefined ? 0 : monthlyDue(this.policy, base, period);
  }

  private async basesOf(memberIds: readonly string[], asOf: string): Promise<Map<string, DatedDuesBase[]>> {
    const found = await this.store
      .collection<DuesBaseDocument>(DUES_BASES)
      .find({ memberId: { $in: [...memberIds] }, from: { $lte: asOf } }, { sort: { from: 1, position: 1 } });
    const result = new Map<string, DatedDuesBase[]>();
    for (const [memberId, docs] of groupBy(found, (base) => base.memberId)) {
      // The last base recorded for a date wins that date.
      const byDate = new Map(docs.map((doc) => [doc.from, { from: doc.from, category: doc.category, monthlyIncomeMinor: doc.monthlyIncomeMinor }]));
      result.set(memberId, [...byDate.values()]);
    }
    return result;
  }

  private paymentsOf(filter: Record<string, unknown>, from: Period, to: Period, asOf: string): Promise<DuesPaymentDocument[]> {
    return this.store
      .collection<DuesPaymentDocument>(DUES_PAYMENTS)
      .find({ ...filter, period: { $gte: from, $lte: to }, paidOn: { $lte: asOf } }, { sort: { period: 1, paidOn: 1, position: 1 } });
  }
}

/** What the member record said by `asOf`: a later political birthday or leaving is not known yet. */
function factsAsOf(member: MemberDocument, asOf: string): DuesMemberFacts {
  return {
    joinedOn: member.joinedOn !== null && member.joinedOn <= asOf ? member.joinedOn : null,
    leftOn: member.leftOn !== null && member.leftOn <= asOf ? member.leftOn : null,
  };
}

function requireRange(from: Period, to: Period): Period[] {
  if (to < from) throw new InvalidInput('PERIOD.RANGE_REVERSED', `to (${to}) must not be before from (${from})`, 'to');
  const periods = periodsBetween(from, to);
  if (periods.length > MAX_DUES_PERIODS)
    throw new InvalidInput('PERIOD.RANGE_TOO_LONG', `from ${from} to ${to} spans ${periods.length} months; at most ${MAX_DUES_PERIODS} are allowed`, 'to');
  return periods;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
