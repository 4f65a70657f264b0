import { InvalidInput } from '../shared/errors';
import { daysInMonth, type LocalDate } from '../shared/localDate';

/** A calendar quarter `YYYY-Qn` (2024-Q3 = July to September 2024). */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export interface QuarterSpan {
  quarter: Quarter;
  /** First day, inclusive. */
  start: LocalDate;
  /** Last day, inclusive. */
  end: LocalDate;
}

/** True for `YYYY-Qn` with n from 1 to 4 and a year from 1900. */
export function isQuarter(value: string): boolean {
  const match = QUARTER.exec(value);
  return match !== null && Number(match[1]) >= 1900;
}

export function spanOf(quarter: Quarter): QuarterSpan {
  const match = QUARTER.exec(quarter);
  if (match === null) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(match[1]);
  const firstMonth = (Number(match[2]) - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { quarter, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}` };
}

/** The quarter a date falls in. */
export function quarterOf(date: LocalDate): Quarter {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A quarter typed by a person; the error names the field. */
export function parseQuarter(value: string, field: string): QuarterSpan {
  const trimmed = value.trim();
  if (!isQuarter(trimmed))
    throw new InvalidInput(
      'QUARTER.INVALID',
      `${field} must be a quarter in YYYY-Qn form (n from 1 to 4), like "2024-Q3", got ${JSON.stringify(value)}`,
      field,
    );
  return spanOf(trimmed);
}
