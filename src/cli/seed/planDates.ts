import { addDays, type LocalDate } from '../../domain/shared/localDate';
import type { Random } from './random';

/** Calendar arithmetic for the planner, on `YYYY-MM-DD` strings. */

const DAY_MS = 86_400_000;

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A date in [from, to], both included; `from` when the range is empty. */
export function dateBetween(random: Random, from: LocalDate, to: LocalDate): LocalDate {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

/**
 * The last day of the month before `today`: where the seeded history ends. Anchoring on a month
 * end keeps the dates of a seed the same all month, and never in the future.
 */
export function lastMonthEnd(today: LocalDate): LocalDate {
  return addDays(`${today.slice(0, 7)}-01`, -1);
}

/** `date` as a year, for choosing era-typical names. */
export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}
