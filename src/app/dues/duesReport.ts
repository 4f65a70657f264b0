import type { Period } from '../../domain/dues/period';

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

/** Adds up a dues report member by member; months are given by their index in `periods`. */
export class DuesReportTally {
  private readonly months: DuesReportMonth[];
  private readonly everDue = new Set<string>();
  private readonly everInArrears = new Set<string>();

  constructor(periods: readonly Period[]) {
    this.months = periods.map((period) => ({ period, dueMinor: 0, paidMinor: 0, outstandingMinor: 0, membersDue: 0, membersInArrears: 0 }));
  }

  /** A member counted in a month: `paidMinor` is what they paid towards `dueMinor` (extra contributions left out). */
  memberDue(month: number, memberId: string, dueMinor: number, paidMinor: number): void {
    const figures = this.months[month];
    figures.membersDue += 1;
    figures.dueMinor += dueMinor;
    this.everDue.add(memberId);
    if (paidMinor < dueMinor) {
      figures.outstandingMinor += dueMinor - paidMinor;
      figures.membersInArrears += 1;
      this.everInArrears.add(memberId);
    }
  }

  /** Paid for a month and credited to one of the unit's branches. */
  credited(month: number, amountMinor: number): void {
    this.months[month].paidMinor += amountMinor;
  }

  result(): DuesReportResult {
    const total = (key: 'dueMinor' | 'paidMinor' | 'outstandingMinor'): number => this.months.reduce((sum, month) => sum + month[key], 0);
    return {
      months: this.months,
      totals: {
        dueMinor: total('dueMinor'),
        paidMinor: total('paidMinor'),
        outstandingMinor: total('outstandingMinor'),
        membersDue: this.everDue.size,
        membersInArrears: this.everInArrears.size,
      },
    };
  }
}
