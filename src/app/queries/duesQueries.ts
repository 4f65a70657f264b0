import { baseOn, type DatedDuesBase } from '../../domain/dues/dues';
import { creditDayOf, owesDuesFor } from '../../domain/dues/duesMembership';
import { monthlyDue, type DuesBase, type DuesPolicy } from '../../domain/dues/duesPolicy';
import { firstDayOf, lastDayOf, parsePeriod, periodOf, periodsBetween, type Period } from '../../domain/dues/period';
import { InvalidInput } from '../../domain/shared/errors';
import type { ReadStore } from '../../readstore/readStore';
import {
  DUES_BASES, DUES_PAYMENTS, MEMBERS, MEMBERSHIPS, lastStartedOn, type DuesBaseDocument, type DuesPaymentDocument, type MemberDocument, type MembershipDocument,
} from '../../../projections';
import { groupBy, type UnitQueries } from './unitQueries';

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

/** A unit's dues for one month, in minor units. */
export interface DuesReportMonth {
  period: Period;
  dueMinor: number;
  /** Credited to the unit's branches for the period, extra contributions included. */
  paidMinor: number;
  outstandingMinor: number;
  membersDue: number;
  membersInArrears: number;
}

export interface DuesReportResult {
  months: DuesReportMonth[];
  /** Sums over the months; the member counts are of distinct members (due, or in arrears, in any month). */
  totals: Omit<DuesReportMonth, 'period'>;
}

type DuesMemberFacts = { joinedOn: string | null; leftOn: string | null };

/** Reads of the `duesBases` and `duesPayments` read models, priced by the configured policy. */
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
   * the branch they belonged to on the month's first day (or on joining, if later).
   */
  async report(unitId: string, range: { from: string; to: string; includeDescendants: boolean }, asOf: string): Promise<DuesReportResult> {
    const from = parsePeriod(range.from, 'from');
    const to = parsePeriod(range.to, 'to');
    const periods = requireRange(from, to);
    const branchSets = new Map<Period, Set<string>>();
    for (const period of periods) branchSets.set(period, await this.branchesOn(unitId, firstDayOf(period), range.includeDescendants));
    const allBranches = [...new Set([...branchSets.values()].flatMap((set) => [...set]))];
    const inRange = await this.store
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find({ branchId: { $in: allBranches }, validFrom: { $lte: lastDayOf(to) }, $or: [{ validTo: null }, { validTo: { $gt: firstDayOf(from) } }] });
    const memberIds = [...new Set(inRange.map((interval) => interval.memberId))];
    const [members, intervals, bases, memberPayments, credited] = await Promise.all([
      this.store.collection<MemberDocument>(MEMBERS).find({ _id: { $in: memberIds } }),
      this.store.collection<MembershipDocument>(MEMBERSHIPS).find({ memberId: { $in: memberIds } }),
      this.basesOf(memberIds, asOf),
      this.paymentsOf({ memberId: { $in: memberIds } }, from, to, asOf),
      this.paymentsOf({ creditedBranchId: { $in: allBranches } }, from, to, asOf),
    ]);
    const intervalsOf = groupBy(intervals, (interval) => interval.memberId);
    const paidBy = groupBy(memberPayments, (payment) => `${payment.memberId}@${payment.period}`);
    const creditedIn = groupBy(credited, (payment) => payment.period);
    const everDue = new Set<string>();
    const everInArrears = new Set<string>();
    const months = periods.map((period): DuesReportMonth => {
      const branches = branchSets.get(period)!;
      let dueMinor = 0;
      let outstandingMinor = 0;
      let membersDue = 0;
      let membersInArrears = 0;
      for (const member of members) {
        const facts = factsAsOf(member, asOf);
        if (facts.joinedOn === null || !owesDuesFor(period, facts)) continue;
        const place = lastStartedOn(intervalsOf.get(member._id) ?? [], creditDayOf(period, facts.joinedOn));
        if (place === undefined || !branches.has(place.branchId)) continue;
        const due = this.dueOf(bases.get(member._id) ?? [], facts, period);
        const paid = sum((paidBy.get(`${member._id}@${period}`) ?? []).filter((payment) => !payment.extra).map((payment) => payment.amountMinor));
        membersDue += 1;
        everDue.add(member._id);
        dueMinor += due;
        outstandingMinor += Math.max(0, due - paid);
        if (paid < due) {
          membersInArrears += 1;
          everInArrears.add(member._id);
        }
      }
      const paidMinor = sum((creditedIn.get(period) ?? []).filter((payment) => branches.has(payment.creditedBranchId)).map((payment) => payment.amountMinor));
      return { period, dueMinor, paidMinor, outstandingMinor, membersDue, membersInArrears };
    });
    const total = (key: keyof Omit<DuesReportMonth, 'period'>): number => sum(months.map((month) => month[key]));
    return {
      months,
      totals: { dueMinor: total('dueMinor'), paidMinor: total('paidMinor'), outstandingMinor: total('outstandingMinor'), membersDue: everDue.size, membersInArrears: everInArrears.size },
    };
  }

  /** Monthly dues on `base` under the policy in force in `period`. */
  monthlyDueOn(base: DuesBase, period: Period): number {
    return monthlyDue(this.policy, base, period);
  }

  /** The branches whose dues count for the unit on `date`: itself if a branch, else (with descendants) the branches under it. */
  private async branchesOn(unitId: string, date: string, includeDescendants: boolean): Promise<Set<string>> {
    const unit = (await this.units.versionsOn([unitId], date)).get(unitId);
    if (unit === undefined || (unit.validTo !== null && unit.validTo <= date)) return new Set();
    if (unit.level === 'BRANCH') return new Set([unitId]);
    if (!includeDescendants) return new Set();
    return new Set((await this.units.descendantsOn([unitId], 'BRANCH', date)).map((branch) => branch.unitId));
  }

  private dueOf(bases: readonly DatedDuesBase[], facts: DuesMemberFacts, period: Period): number {
    if (!owesDuesFor(period, facts)) return 0;
    const base = baseOn(bases, lastDayOf(period));
    return base === undefined ? 0 : monthlyDue(this.policy, base, period);
  }

  private async basesOf(memberIds: readonly string[], asOf: string): Promise<Map<string, DatedDuesBase[]>> {
    const found = await this.store.collection<DuesBaseDocument>(DUES_BASES).find({ memberId: { $in: [...memberIds] }, from: { $lte: asOf } }, { sort: { from: 1, position: 1 } });
    const result = new Map<string, DatedDuesBase[]>();
    for (const [memberId, docs] of groupBy(found, (base) => base.memberId)) {
      // The last base recorded for a date wins that date.
      const byDate = new Map(docs.map((doc) => [doc.from, { from: doc.from, category: doc.category, monthlyIncomeMinor: doc.monthlyIncomeMinor }]));
      result.set(memberId, [...byDate.values()]);
    }
    return result;
  }

  private paymentsOf(filter: Record<string, unknown>, from: Period, to: Period, asOf: string): Promise<DuesPaymentDocument[]> {
    return this.store.collection<DuesPaymentDocument>(DUES_PAYMENTS).find({ ...filter, period: { $gte: from, $lte: to }, paidOn: { $lte: asOf } }, { sort: { period: 1, paidOn: 1, position: 1 } });
  }
}

/** What the member record said by `asOf`: a later political birthday or leaving is not known yet. */
function factsAsOf(member: MemberDocument, asOf: string): DuesMemberFacts {
  return { joinedOn: member.joinedOn !== null && member.joinedOn <= asOf ? member.joinedOn : null, leftOn: member.leftOn !== null && member.leftOn <= asOf ? member.leftOn : null };
}

function requireRange(from: Period, to: Period): Period[] {
  if (to < from) throw new InvalidInput('PERIOD.RANGE_REVERSED', `to (${to}) must not be before from (${from})`, 'to');
  const periods = periodsBetween(from, to);
  if (periods.length > MAX_DUES_PERIODS) throw new InvalidInput('PERIOD.RANGE_TOO_LONG', `from ${from} to ${to} spans ${periods.length} months; at most ${MAX_DUES_PERIODS} are allowed`, 'to');
  return periods;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
