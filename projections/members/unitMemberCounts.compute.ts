import type { Interval } from '../shared/temporal';
import type { MemberCountStep, UnitMemberCountDocument } from './unitMemberCounts.documents';

/**
 * The member count of a unit over time from the intervals of its memberships: +1 where one
 * starts, -1 where one ends, summed per date; a date that leaves the count as it was (a member
 * moving between two groups of a branch that day) makes no step. Empty intervals count nothing.
 */
export function memberCountSteps(intervals: readonly Interval[]): MemberCountStep[] {
  const deltas = new Map<string, number>();
  for (const { validFrom, validTo } of intervals) {
    if (validTo !== null && validTo <= validFrom) continue;
    deltas.set(validFrom, (deltas.get(validFrom) ?? 0) + 1);
    if (validTo !== null) deltas.set(validTo, (deltas.get(validTo) ?? 0) - 1);
  }
  return stepsOf(deltas, 0);
}

/** The steps of a count that starts at `start` and changes by `changes` (date → change), in date order; a date that leaves it as it was makes no step. */
export function stepsOf(changes: ReadonlyMap<string, number>, start: number): MemberCountStep[] {
  const steps: MemberCountStep[] = [];
  let count = start;
  for (const from of [...changes.keys()].sort()) {
    const next = count + changes.get(from)!;
    if (next !== count) steps.push({ from, count: next });
    count = next;
  }
  return steps;
}

/** The count in force on `date` (YYYY-MM-DD): that of the last step starting on or before it, else `before`. */
export function countOn(steps: readonly MemberCountStep[], date: string, before = 0): number {
  let low = 0;
  let high = steps.length; // steps[0..low) start on or before `date`, steps[high..) after it
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle].from <= date) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? before : steps[low - 1].count;
}

type CountedInterval = Interval & { position: string };

/**
 * The `unitMemberCounts` documents of a unit from its memberships' intervals (see
 * UnitMemberCountDocument), leaving out the years before `fromYear`; none when its count never changes.
 */
export function memberCountDocuments(unitId: string, intervals: readonly CountedInterval[], fromYear = 0): UnitMemberCountDocument[] {
  const steps = memberCountSteps(intervals);
  if (steps.length === 0) return [];
  const first = yearOf(steps[0].from);
  const last = yearOf(steps[steps.length - 1].from);
  // latest[i]: the latest position among the intervals starting in year first + i (the first year
  // also takes earlier ones, the slot after the last year later ones). An interval ends after it
  // starts, so by the end of a year the intervals starting or ending are those started by then.
  const latest = new Array<string>(last - first + 2).fill('');
  for (const { validFrom, position } of intervals) {
    const slot = Math.min(Math.max(yearOf(validFrom), first), last + 1) - first;
    if (position > latest[slot]) latest[slot] = position;
  }
  const documents: UnitMemberCountDocument[] = [];
  let count = 0;
  let position = '';
  let next = 0; // steps[next] is the first step of `year`
  for (let year = first; year <= last; year++) {
    const start = next;
    while (next < steps.length && yearOf(steps[next].from) === year) next++;
    if (latest[year - first] > position) position = latest[year - first]!;
    if (year >= fromYear) {
      documents.push({ _id: yearDocumentId(unitId, year), unitId, from: firstDayOf(year), count, steps: steps.slice(start, next), position });
    }
    if (next > start) count = steps[next - 1].count;
  }
  if (latest[last + 1 - first] > position) position = latest[last + 1 - first]!;
  documents.push({ _id: unitId, unitId, from: firstDayOf(last + 1), count, steps: [], position });
  return documents;
}

/**
 * The count in force on `date` from the documents of the units read for it (`countDocumentIds`):
 * the year's document, else the one for the years after the last change, once it applies.
 */
export function countFrom(
  yearDocument: Pick<UnitMemberCountDocument, 'count' | 'steps'> | undefined,
  after: Pick<UnitMemberCountDocument, 'from' | 'count'> | undefined,
  date: string,
): number {
  if (yearDocument !== undefined) return countOn(yearDocument.steps, date, yearDocument.count);
  return after !== undefined && after.from <= date ? after.count : 0;
}

/** The ids of the documents a unit's count on `date` is read from: its year's and the one after its last change. */
export function countDocumentIds(unitId: string, date: string): [year: string, after: string] {
  return [yearDocumentId(unitId, Number(date.slice(0, 4))), unitId];
}

export function yearDocumentId(unitId: string, year: number): string {
  return `${unitId}:${fourDigits(year)}`;
}

/** 1 January of `year`: the `from` of its document. */
export function firstDayOf(year: number): string {
  return `${fourDigits(year)}-01-01`;
}

function fourDigits(year: number): string {
  return String(year).padStart(4, '0');
}

/** The year of a YYYY-MM-DD date, without allocating: this runs for every interval of every recount. */
export function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}
