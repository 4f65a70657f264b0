import { InvalidInput } from './errors';

/** A calendar date `YYYY-MM-DD`. Plain strings compare in date order. */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects `2023-02-30`). */
export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates a date typed by a person; the error names the field. */
export function parseLocalDate(value: string, field: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new InvalidInput('DATE.INVALID', `${field} must be a real calendar date in YYYY-MM-DD form, got "${value}"`, field);
  }
  return value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function addYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, m))).padStart(2, '0')}`;
}

/** The UTC calendar date of an instant. */
export function dateOf(instant: Date): LocalDate {
  return instant.toISOString().slice(0, 10);
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
