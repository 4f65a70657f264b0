import { InvalidInput } from '../shared/errors';
import { daysInMonth, type LocalDate } from '../shared/localDate';

/** A dues period: one calendar month, `YYYY-MM`. */
export type Period = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  const match = PERIOD.exec(value);
  return match !== null && Number(match[1]) >= 1900;
}

/** A period typed by a person; the error names the field. */
export function parsePeriod(value: string, field: string): Period {
  const trimmed = value.trim();
  if (!isPeriod(trimmed))
    throw new InvalidInput('PERIOD.INVALID', `${field} must be a month in YYYY-MM form, like "2024-03", got ${JSON.stringify(value)}`, field);
  return trimmed;
}

export const firstDayOf = (period: Period): LocalDate => `${period}-01`;

export function lastDayOf(period: Period): LocalDate {
  const days = daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
  return `${period}-${String(days).padStart(2, '0')}`;
}

export const periodOf = (date: LocalDate): Period => date.slice(0, 7);

export function nextPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

export function previousPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Every period from `from` to `to`, both included; empty when `to` is before `from`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  for (let period = from; period <= to; period = nextPeriod(period)) periods.push(period);
  return periods;
}
