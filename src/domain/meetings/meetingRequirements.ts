import { daysInMonth, type LocalDate } from '../shared/localDate';
import type { MeetingKind } from './meetingKind';

export type Frequency = 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

/**
 * What a branch must hold (DOMAIN.md "Meetings"): committee meeting and theme party day every
 * month, general assembly and lecture every quarter, organizational life meeting every year; and
 * each of its groups a group meeting every month. The democratic life meeting of a committee's
 * leadership is not checked here.
 */
export const BRANCH_REQUIREMENTS: readonly { kind: MeetingKind; frequency: Frequency }[] = [
  { kind: 'BRANCH_COMMITTEE', frequency: 'MONTHLY' },
  { kind: 'THEME_PARTY_DAY', frequency: 'MONTHLY' },
  { kind: 'GENERAL_ASSEMBLY', frequency: 'QUARTERLY' },
  { kind: 'PARTY_LECTURE', frequency: 'QUARTERLY' },
  { kind: 'ORGANIZATIONAL_LIFE', frequency: 'YEARLY' },
];
export const GROUP_REQUIREMENT: { kind: MeetingKind; frequency: Frequency } = { kind: 'GROUP_MEETING', frequency: 'MONTHLY' };

/** A period a meeting is due in: `2025-03`, `2025-Q1` or `2025`, with its first and last day. */
export interface Period {
  label: string;
  first: LocalDate;
  last: LocalDate;
}

/** The label of the period of `frequency` that contains `date`. */
export function periodLabel(date: LocalDate, frequency: Frequency): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (frequency) {
    case 'MONTHLY':
      return date.slice(0, 7);
    case 'QUARTERLY':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'YEARLY':
      return year;
    default: {
      const unknown: never = frequency;
      throw new Error(`Unexpected frequency: ${String(unknown)}`);
    }
  }
}

/** Every period of `frequency` that overlaps the months `from`..`to` (YYYY-MM, inclusive), in order. */
export function periodsOverlapping(from: string, to: string, frequency: Frequency): Period[] {
  const periods: Period[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const step = frequency === 'MONTHLY' ? 1 : frequency === 'QUARTERLY' ? 3 : 12;
  // Start at the first month of the period that contains `from`.
  month = frequency === 'MONTHLY' ? month : frequency === 'QUARTERLY' ? month - ((month - 1) % 3) : 1;
  while (monthKey(year, month) <= to) {
    const lastMonth = month + step - 1;
    periods.push({
      label: periodLabel(`${monthKey(year, month)}-01`, frequency),
      first: `${monthKey(year, month)}-01`,
      last: `${monthKey(year, lastMonth)}-${String(daysInMonth(year, lastMonth)).padStart(2, '0')}`,
    });
    month += step;
    if (month > 12) {
      year += 1;
      month -= 12;
    }
  }
  return periods;
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
