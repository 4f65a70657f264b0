import type { Filter } from '../../src/readstore/readStore';

/** A validity interval: `validFrom` inclusive, `validTo` exclusive, or null while open. */
export interface Interval {
  validFrom: string;
  validTo: string | null;
}

/** The Mongo filter selecting the intervals in force on `date` (YYYY-MM-DD). */
export function activeOn(date: string): Filter {
  return { validFrom: { $lte: date }, $or: [{ validTo: null }, { validTo: { $gt: date } }] };
}

/** In memory, the same test as `activeOn`. */
export function isActiveOn(interval: Interval, date: string): boolean {
  return interval.validFrom <= date && (interval.validTo === null || interval.validTo > date);
}

/**
 * The interval that started last on or before `date`, even if it has ended since: what was
 * last known to hold on that date (a dissolved unit's last version, a member's membership on
 * the day they left). Undefined when every interval starts after `date`.
 */
export function lastStartedOn<T extends Interval>(intervals: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const interval of intervals) {
    if (interval.validFrom <= date && (found === undefined || interval.validFrom > found.validFrom)) found = interval;
  }
  return found;
}

/**
 * Adjacent segments of a timeline: each starts at its `from` and ends where the next starts, or
 * at `end`, whichever is earlier. `endedBy` is the change that ended the segment; undefined when
 * the segment is open or ended at `end`.
 */
export function segmentsOf<C extends { from: string; position: string }>(
  changes: readonly C[],
  end: string | null,
): (Interval & { change: C; endedBy: C | undefined })[] {
  // The last change recorded for a date wins that date; an interval never has zero length.
  const byDate = new Map<string, C>();
  for (const change of [...changes].sort(byFromThenPosition)) byDate.set(change.from, change);
  const dated = [...byDate.values()];
  return dated
    .map((change, index) => {
      const next = dated[index + 1];
      const endedBy = next !== undefined && (end === null || next.from < end) ? next : undefined;
      return { change, validFrom: change.from, validTo: earlier(next?.from ?? null, end), endedBy };
    })
    .filter((segment) => segment.validTo === null || segment.validTo > segment.validFrom);
}

/** The earlier of two interval ends, where null means open. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function byFromThenPosition(a: { from: string; position: string }, b: { from: string; position: string }): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}
