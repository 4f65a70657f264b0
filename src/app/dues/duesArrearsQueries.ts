import { baseOn, type DatedDuesBase } from '../../domain/dues/dues';
import { owesDuesFor } from '../../domain/dues/duesMembership';
import { lastDayOf, periodOf, periodsBetween, type Period } from '../../domain/dues/period';
import type { ReadStore } from '../../readstore/readStore';
import { DUES_BASES, DUES_PAYMENTS, MEMBERS, type DuesBaseDocument, type DuesPaymentDocument, type MemberDocument } from '../../../projections';
import { MAX_DUES_PERIODS, type DuesQueries } from './duesQueries';
import { groupBy } from '../queries/groupBy';

/** A member's months over and not paid in full. */
export interface MemberArrears {
  memberId: string;
  /** Oldest first. */
  unpaidPeriods: Period[];
  outstandingMinor: number;
}

/**
 * Which members owe dues for months that are over, as recorded by `asOf`: each month from the one
 * they joined in (at most MAX_DUES_PERIODS months back) to the month before `asOf`'s, priced and
 * counted as in `DuesQueries` (base in force on the month's last day, extra contributions not
 * counting). Three read-store calls for any number of members.
 */
export class DuesArrearsQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly dues: DuesQueries,
  ) {}

  /** Members with at least one unpaid month; the others are absent. */
  async arrearsOf(memberIds: readonly string[], asOf: string): Promise<Map<string, MemberArrears>> {
    const result = new Map<string, MemberArrears>();
    const lastOver = monthsBefore(periodOf(asOf), 1);
    const earliest = monthsBefore(periodOf(asOf), MAX_DUES_PERIODS);
    if (memberIds.length === 0) return result;
    const ids = [...memberIds];
    const [members, bases, payments] = await Promise.all([
      this.store.collection<MemberDocument>(MEMBERS).find({ _id: { $in: ids } }, { projection: { joinedOn: 1, leftOn: 1 } }),
      this.store.collection<DuesBaseDocument>(DUES_BASES).find({ memberId: { $in: ids }, from: { $lte: asOf } }, { sort: { from: 1, position: 1 } }),
      this.store
        .collection<DuesPaymentDocument>(DUES_PAYMENTS)
        .find(
          { memberId: { $in: ids }, period: { $gte: earliest, $lte: lastOver }, paidOn: { $lte: asOf }, extra: false },
          { projection: { memberId: 1, period: 1, amountMinor: 1 } },
        ),
    ]);
    const basesOf = groupBy(bases, (base) => base.memberId);
    const paid = new Map<string, number>();
    for (const payment of payments) {
      const key = `${payment.memberId}@${payment.period}`;
      paid.set(key, (paid.get(key) ?? 0) + payment.amountMinor);
    }
    for (const member of members) {
      // Facts recorded with a later effective date were not known on asOf.
      const facts = {
        joinedOn: member.joinedOn !== null && member.joinedOn <= asOf ? member.joinedOn : null,
        leftOn: member.leftOn !== null && member.leftOn <= asOf ? member.leftOn : null,
      };
      if (facts.joinedOn === null) continue;
      const memberBases = lastPerDate(basesOf.get(member._id) ?? []);
      const from = maxPeriod(periodOf(facts.joinedOn), earliest);
      const unpaidPeriods: Period[] = [];
      let outstandingMinor = 0;
      for (const period of periodsBetween(from, lastOver)) {
        if (!owesDuesFor(period, facts)) continue;
        const base = baseOn(memberBases, lastDayOf(period));
        const due = base === undefined ? 0 : this.dues.monthlyDueOn(base, period);
        const shortfall = due - (paid.get(`${member._id}@${period}`) ?? 0);
        if (shortfall > 0) {
          unpaidPeriods.push(period);
          outstandingMinor += shortfall;
        }
      }
      if (unpaidPeriods.length > 0) result.set(member._id, { memberId: member._id, unpaidPeriods, outstandingMinor });
    }
    return result;
  }
}

/** The last base recorded for a date wins that date (as in `DuesQueries`). */
function lastPerDate(documents: readonly DuesBaseDocument[]): DatedDuesBase[] {
  const byDate = new Map(documents.map((doc) => [doc.from, { from: doc.from, category: doc.category, monthlyIncomeMinor: doc.monthlyIncomeMinor }]));
  return [...byDate.values()];
}

function monthsBefore(period: Period, months: number): Period {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const maxPeriod = (a: Period, b: Period): Period => (a > b ? a : b);
