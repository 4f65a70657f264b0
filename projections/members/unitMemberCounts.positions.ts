import { yearOf } from './unitMemberCounts.compute';
import type { UnitMemberCountDocument } from './unitMemberCounts.documents';

/** Years whose starting memberships are to be read: to `toYear`, and with `throughOpen` every later year one of the unit's memberships reaches. */
export interface StartsWanted {
  readonly fromYear: number;
  readonly toYear: number;
  readonly throughOpen: boolean;
}

/** The latest position among the unit's memberships as they are now (the batch's written) starting in each year read; a year none starts in is absent. */
export interface YearStarts extends StartsWanted {
  readonly latest: ReadonlyMap<number, string>;
}

/** What of an interval delta its unit's positions follow from: its start, its position, and whether it is added (+1) or removed (−1). */
type StartDelta = { validFrom: string; position: string; change: 1 | -1 };

/** No membership starts by then. */
const NONE = '';

/** What the positions of the documents a delta rewrites follow from (see `updatedCountDocuments`). */
export interface PositionFacts {
  /** The unit's stored year documents, from the year before the window on. */
  years: ReadonlyMap<number, UnitMemberCountDocument>;
  after: UnitMemberCountDocument;
  last: number;
  deltas: readonly StartDelta[];
  changedYear: number;
  hasBefore: boolean;
  newFirst: number;
  writeFrom: number;
  newLast: number;
  starts: YearStarts | undefined;
}

/**
 * The `position` of each document rewritten (`of(year)`, and `ofAfter` for the one after the
 * last change), or the starts to read first. A year's position is the latest among the
 * memberships starting by its end; the deltas change it from the stored one only by the
 * intervals added starting by then (it can only grow), unless an interval removed held it and no
 * interval added at or before its year is as late: then, as in the years after the last change
 * (which no document describes unless the position did not grow after it), only the
 * memberships starting in those years tell it.
 */
export function positionsAfter(facts: PositionFacts): { of: (year: number) => string; ofAfter: string } | { starts: StartsWanted } | { reason: string } {
  const { years, after, last, deltas, changedYear, hasBefore, newFirst, writeFrom, newLast, starts } = facts;
  const lastPosition = years.get(last)!.position;
  const storedOf = (year: number): string | undefined => {
    if (year > last) return after.position === lastPosition ? lastPosition : undefined;
    return years.get(year)?.position ?? NONE;
  };
  const addedUpTo = latestBy(deltas.filter((delta) => delta.change > 0));
  // The removed intervals no interval added at or before their year covers, by position: the earliest year of each.
  const uncovered = new Map<string, number>();
  for (const { validFrom, position, change } of deltas) {
    const year = yearOf(validFrom);
    if (change < 0 && addedUpTo(year) < position) uncovered.set(position, Math.min(uncovered.get(position) ?? Infinity, year));
  }
  const candidate = (year: number): string | undefined => {
    const before = storedOf(year);
    if (before === undefined) return undefined;
    const added = addedUpTo(year);
    if (added >= before) return added;
    return (uncovered.get(before) ?? Infinity) <= year ? undefined : before;
  };
  let exactFrom: number | undefined;
  let exactTo = newLast;
  for (let year = writeFrom; year <= newLast; year++) {
    if (candidate(year) !== undefined) continue;
    exactFrom ??= year;
    exactTo = year;
  }
  const addedAll = addedUpTo(Infinity);
  const afterCandidate = addedAll >= after.position ? addedAll : uncovered.has(after.position) ? undefined : after.position;
  const throughOpen = afterCandidate === undefined;
  if (exactFrom === undefined && !throughOpen) return { of: (year) => candidate(year)!, ofAfter: afterCandidate };
  // Through the last year rewritten when the position after it is to be read too: every start after the window counts for it.
  const wanted: StartsWanted = { fromYear: exactFrom ?? newLast + 1, toYear: throughOpen ? newLast : exactTo, throughOpen };
  if (starts === undefined || starts.fromYear !== wanted.fromYear || starts.toYear < wanted.toYear || starts.throughOpen !== wanted.throughOpen)
    return { starts: wanted };

  // From the year before the window, where the position is known: unchanged before the deltas, none before the first change.
  const beforeWindow = wanted.fromYear - 1;
  let running = !hasBefore && beforeWindow < newFirst ? NONE : beforeWindow < changedYear ? storedOf(beforeWindow) : candidate(beforeWindow);
  if (running === undefined) return { reason: `no position known for ${beforeWindow}` };
  const exact = new Map<number, string>();
  for (let year = wanted.fromYear; year <= wanted.toYear; year++) {
    const latest = starts.latest.get(year);
    if (latest !== undefined && latest > running) running = latest;
    exact.set(year, running);
  }
  if (throughOpen) for (const [year, latest] of starts.latest) if (year > wanted.toYear && latest > running) running = latest;
  return { of: (year) => exact.get(year) ?? candidate(year)!, ofAfter: afterCandidate ?? running };
}

/** The latest position among `intervals` starting in a year up to the one asked (none before the first). */
function latestBy(intervals: readonly StartDelta[]): (year: number) => string {
  const sorted = intervals.map(({ validFrom, position }) => ({ year: yearOf(validFrom), position })).sort((a, b) => a.year - b.year);
  const latest: string[] = [];
  for (const { position } of sorted) latest.push(latest.length > 0 && latest[latest.length - 1] > position ? latest[latest.length - 1] : position);
  return (year) => {
    let low = 0;
    let high = sorted.length; // sorted[0..low) start by `year`, sorted[high..) after it
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle].year <= year) low = middle + 1;
      else high = middle;
    }
    return low === 0 ? NONE : latest[low - 1];
  };
}
