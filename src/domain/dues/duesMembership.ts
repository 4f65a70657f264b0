import type { LocalDate } from '../shared/localDate';
import { firstDayOf, lastDayOf, type Period } from './period';

/**
 * A member owes dues for a month in which they were a party member on at least one day: joined by
 * its last day and not left by its first.
 */
export function owesDuesFor(period: Period, member: { joinedOn: LocalDate | null; leftOn: LocalDate | null }): boolean {
  if (member.joinedOn === null || member.joinedOn > lastDayOf(period)) return false;
  return member.leftOn === null || member.leftOn > firstDayOf(period);
}

/** The day whose branch is credited with a period's dues: its first day, or the day of joining if later. */
export function creditDayOf(period: Period, joinedOn: LocalDate): LocalDate {
  const first = firstDayOf(period);
  return joinedOn > first ? joinedOn : first;
}
