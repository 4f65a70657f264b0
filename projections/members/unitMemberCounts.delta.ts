import type { Interval } from '../shared/temporal';
import { firstDayOf, memberCountDocuments, stepsOf, yearDocumentId, yearOf } from './unitMemberCounts.compute';
import { positionsAfter, type StartsWanted, type YearStarts } from './unitMemberCounts.positions';
import type { UnitMemberCountDocument } from './unitMemberCounts.documents';

export type { StartsWanted, YearStarts } from './unitMemberCounts.positions';

/** A membership interval a batch adds to a unit (+1: it counts from `validFrom` to `validTo`) or removes from it (−1). */
export type IntervalDelta = Interval & { position: string; change: 1 | -1 };

/** What is stored of a unit's counts: the document for the years after its last change, and its year documents from `fromYear` on. */
export interface StoredCounts {
  readonly after: UnitMemberCountDocument | undefined;
  /** Every year document of `fromYear` or later that exists is in `years`. */
  readonly fromYear: number;
  readonly years: ReadonlyMap<number, UnitMemberCountDocument>;
}

/**
 * What the deltas make of the stored documents: the documents to write and the ids to delete;
 * or what must be read first; or that the stored documents cannot be trusted, and the unit is
 * to be recounted from its memberships.
 */
export type CountUpdate =
  | { kind: 'documents'; writes: UnitMemberCountDocument[]; deletes: string[] }
  | { kind: 'needsDocuments'; fromYear: number }
  | { kind: 'needsStarts'; starts: StartsWanted }
  | { kind: 'recount'; reason: string };

/**
 * The unit's count documents after the deltas, from the year of the earliest one on: the same
 * documents `memberCountDocuments` makes of all the unit's memberships after the batch,
 * computed from those stored and the deltas alone. Counts and steps follow from the stored
 * documents; so does `position` (the latest among the memberships starting by the end of the
 * year), except where a removed interval held it or no document tells it (years after the last
 * change): there the memberships starting in those years are read (`needsStarts`).
 */
export function updatedCountDocuments(unitId: string, stored: StoredCounts, net: NetDeltas, starts?: YearStarts): CountUpdate {
  const { deltas, dates, changedYear } = net;
  if (deltas.length === 0) return { kind: 'documents', writes: [], deletes: [] };
  const { after } = stored;
  if (after === undefined) {
    // A unit without documents never had a membership counted: the intervals added are all it has.
    if (deltas.some((delta) => delta.change < 0)) return recount('intervals removed from a unit that has no count documents');
    return { kind: 'documents', writes: memberCountDocuments(unitId, deltas), deletes: [] };
  }
  const last = yearOf(after.from) - 1;
  if (changedYear === Infinity) return { kind: 'documents', writes: [], deletes: [] };
  // The documents from the year before the change (or before the first after the last change).
  const low = Math.min(changedYear, last + 1) - 1;
  if (stored.fromYear > low) return { kind: 'needsDocuments', fromYear: low };
  const layout = storedLayout(unitId, stored, after, last);
  if (typeof layout === 'string') return recount(layout);
  const at = (year: number): UnitMemberCountDocument | undefined => stored.years.get(year);

  // Steps from changedYear on: the stored ones as count changes, plus the deltas'.
  const hasBefore = changedYear - 1 > last || at(changedYear - 1) !== undefined;
  const startCount = changedYear > last ? after.count : (at(changedYear)?.count ?? 0);
  const changes = new Map(dates);
  let previous = startCount;
  for (let year = changedYear; year <= last; year++) {
    for (const step of at(year)?.steps ?? []) {
      changes.set(step.from, (changes.get(step.from) ?? 0) + step.count - previous);
      previous = step.count;
    }
  }
  const steps = stepsOf(changes, startCount);
  const belowZero = steps.find((step) => step.count < 0);
  if (belowZero !== undefined) return recount(`the count of ${unitId} falls below zero on ${belowZero.from}`);
  const count = steps.length > 0 ? steps[steps.length - 1].count : startCount;

  const existing = [...stored.years.keys()].filter((year) => year >= layout.fromYear);
  if (steps.length === 0 && !hasBefore) {
    // No change of count left: the unit has no document.
    return { kind: 'documents', writes: [], deletes: [...existing.map((year) => yearDocumentId(unitId, year)), unitId] };
  }
  let newLast: number;
  if (steps.length > 0) newLast = yearOf(steps[steps.length - 1].from);
  else {
    // Its last change moved before the deltas': the latest stored year with a step before them.
    const found = existing.filter((year) => year < changedYear && at(year)!.steps.length > 0);
    if (found.length === 0) {
      if (layout.firstYear !== undefined || stored.fromYear <= 0) return recount(`no step of ${unitId} before ${changedYear}`);
      return { kind: 'needsDocuments', fromYear: Math.max(0, stored.fromYear - Math.max(16, last - stored.fromYear)) };
    }
    newLast = Math.max(...found);
  }
  const newFirst = hasBefore ? -Infinity : yearOf(steps[0].from);
  const writeFrom = hasBefore ? Math.min(changedYear, last + 1) : newFirst;

  const positions = positionsAfter({ years: stored.years, after, last, deltas, changedYear, hasBefore, newFirst, writeFrom, newLast, starts });
  if ('starts' in positions) return { kind: 'needsStarts', starts: positions.starts };
  if ('reason' in positions) return recount(positions.reason);

  const writes: UnitMemberCountDocument[] = [];
  let running = startCount;
  let next = 0; // steps[next] is the first step of `year`
  for (let year = writeFrom; year <= newLast; year++) {
    const begin = next;
    while (next < steps.length && yearOf(steps[next].from) === year) next++;
    const document = {
      _id: yearDocumentId(unitId, year),
      unitId,
      from: firstDayOf(year),
      count: running,
      steps: steps.slice(begin, next),
      position: positions.of(year),
    };
    if (!sameDocument(document, at(year))) writes.push(document);
    if (next > begin) running = steps[next - 1].count;
  }
  if (next !== steps.length || running !== count) return recount(`the steps of ${unitId} lie outside the years rewritten`);
  const afterLast = { _id: unitId, unitId, from: firstDayOf(newLast + 1), count, steps: [], position: positions.ofAfter };
  if (!sameDocument(afterLast, after)) writes.push(afterLast);
  const deletes = existing.filter((year) => year > newLast || year < newFirst).map((year) => yearDocumentId(unitId, year));
  return { kind: 'documents', writes, deletes };
}

/** A unit's interval deltas, with what they change in all: worked out once, whatever the reads `updatedCountDocuments` asks for. */
export interface NetDeltas {
  readonly deltas: readonly IntervalDelta[];
  /** The count changes by date (zero where they cancel: an open interval closed keeps its start). */
  readonly dates: ReadonlyMap<string, number>;
  /** The earliest year they change anything in: a count, or the intervals starting in it (an interval closed keeps its start and position, so it changes neither); Infinity for none. */
  readonly changedYear: number;
}

export function netDeltas(deltas: readonly IntervalDelta[]): NetDeltas {
  const dates = new Map<string, number>();
  // By position: an interval removed and added again keeps its start and position.
  const starts = new Map<string, { year: number; sum: number }>();
  let changedYear = Infinity;
  for (const { validFrom, validTo, position, change } of deltas) {
    dates.set(validFrom, (dates.get(validFrom) ?? 0) + change);
    if (validTo !== null) dates.set(validTo, (dates.get(validTo) ?? 0) - change);
    const year = yearOf(validFrom);
    const start = starts.get(position);
    if (start === undefined) starts.set(position, { year, sum: change });
    else {
      start.sum += change;
      // The same position starting in two years changes both.
      if (start.year !== year) changedYear = Math.min(changedYear, start.year, year);
    }
  }
  for (const [date, sum] of dates) if (sum !== 0) changedYear = Math.min(changedYear, yearOf(date));
  for (const { year, sum } of starts.values()) if (sum !== 0) changedYear = Math.min(changedYear, year);
  return { deltas, dates, changedYear };
}

/** The stored year documents read: where they start, when that is the unit's first year; a string when they are not what a recount makes. */
function storedLayout(
  unitId: string,
  stored: StoredCounts,
  after: UnitMemberCountDocument,
  last: number,
): { fromYear: number; firstYear: number | undefined } | string {
  const lastDocument = stored.years.get(last);
  if (lastDocument === undefined || lastDocument.steps.length === 0) return `${unitId} has no document with steps for ${last}, the year before its last`;
  let first = last;
  while (first - 1 >= stored.fromYear && stored.years.has(first - 1)) first--;
  for (const year of stored.years.keys()) if (year >= stored.fromYear && year < first) return `${unitId} has no document for ${first - 1}`;
  const firstYear = first > stored.fromYear ? first : undefined;
  if (firstYear !== undefined && (stored.years.get(firstYear)!.count !== 0 || stored.years.get(firstYear)!.steps.length === 0)) {
    return `${unitId} starts at ${firstYear} with a count or no step`;
  }
  let count = stored.years.get(first)!.count;
  let position = '';
  for (let year = first; year <= last; year++) {
    const document = stored.years.get(year)!;
    if (document.count !== count || document.from !== firstDayOf(year) || document.position < position)
      return `${unitId}'s document for ${year} does not follow from the one before`;
    for (const step of document.steps) {
      if (yearOf(step.from) !== year || step.count === count || step.count < 0) return `${unitId}'s steps in ${year} are out of place`;
      count = step.count;
    }
    for (let index = 1; index < document.steps.length; index++) {
      if (document.steps[index - 1].from >= document.steps[index].from) return `${unitId}'s steps in ${year} are out of order`;
    }
    position = document.position;
  }
  if (after.count !== count || after.position < position || after.steps.length > 0)
    return `${unitId}'s document after ${last} does not follow from the years before`;
  return { fromYear: first, firstYear };
}

function sameDocument(document: UnitMemberCountDocument, stored: UnitMemberCountDocument | undefined): boolean {
  if (stored === undefined || stored.from !== document.from || stored.count !== document.count || stored.position !== document.position) return false;
  if (stored.steps.length !== document.steps.length) return false;
  return document.steps.every((step, index) => step.from === stored.steps[index].from && step.count === stored.steps[index].count);
}

function recount(reason: string): CountUpdate {
  return { kind: 'recount', reason };
}
