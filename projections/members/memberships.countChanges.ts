import type { CountedInterval } from './memberships.documents';
import { markAffected } from './unitMemberCounts.recount';
import type { IntervalDelta } from './unitMemberCounts.delta';
import type { CountChanges, UnitDeltas } from './unitMemberCounts.update';

/** No change yet. */
export function noCountChanges(): CountChanges {
  return { deltas: new Map(), recount: { branches: new Map(), groups: new Map() } };
}

/**
 * Adds what rewriting one member's memberships from `stored` to `fresh` does to their units'
 * counts: each stored interval that is not among the fresh ones counts −1 in its branch and
 * group, each fresh one not stored +1. The deltas are taken against the stored memberships,
 * and only while those are the ones `expected` (the memberships of the member's stored
 * timeline, none without one): a batch that stopped after writing memberships but before its
 * timelines (written last) is applied again, and its counts may or may not have been written
 * then. Such a member's units are recounted from the earliest interval that differs.
 */
export function addMemberCountChanges(
  changes: CountChanges,
  stored: readonly CountedInterval[],
  fresh: readonly CountedInterval[],
  expected: readonly CountedInterval[],
): void {
  if (!sameIntervals(stored, expected)) {
    recountWhereDiffering(changes, [stored, fresh, expected]);
    return;
  }
  // A member's intervals start on different dates (their ids say so).
  const unchanged = new Map(stored.map((interval) => [interval.validFrom, interval]));
  for (const interval of fresh) {
    const before = unchanged.get(interval.validFrom);
    if (before !== undefined && sameInterval(before, interval)) unchanged.delete(interval.validFrom);
    else addDelta(changes, interval, 1);
  }
  for (const interval of unchanged.values()) addDelta(changes, interval, -1);
}

/** The units of every interval not in all of `lists` are recounted from its start. */
function recountWhereDiffering(changes: CountChanges, lists: readonly (readonly CountedInterval[])[]): void {
  const keys = lists.map((intervals) => new Set(intervals.map(keyOf)));
  const { branches, groups } = changes.recount;
  for (const interval of lists.flat()) {
    const key = keyOf(interval);
    if (keys.every((set) => set.has(key))) continue;
    markAffected(branches, interval.branchId, interval.validFrom);
    if (interval.groupId !== null) markAffected(groups, interval.groupId, interval.validFrom);
  }
}

function sameIntervals(a: readonly CountedInterval[], b: readonly CountedInterval[]): boolean {
  if (a.length !== b.length) return false;
  const byStart = new Map(b.map((interval) => [interval.validFrom, interval]));
  return a.every((interval) => {
    const other = byStart.get(interval.validFrom);
    return other !== undefined && sameInterval(interval, other);
  });
}

function sameInterval(a: CountedInterval, b: CountedInterval): boolean {
  return a.validFrom === b.validFrom && a.validTo === b.validTo && a.branchId === b.branchId && a.groupId === b.groupId && a.position === b.position;
}

function addDelta(changes: CountChanges, { branchId, groupId, validFrom, validTo, position }: CountedInterval, change: 1 | -1): void {
  const delta: IntervalDelta = { validFrom, validTo, position, change };
  unitDeltas(changes, branchId, 'branch').push(delta);
  if (groupId !== null) unitDeltas(changes, groupId, 'group').push(delta);
}

function unitDeltas(changes: CountChanges, unitId: string, level: UnitDeltas['level']): IntervalDelta[] {
  let unit = changes.deltas.get(unitId);
  if (unit === undefined) changes.deltas.set(unitId, (unit = { level, deltas: [] }));
  return unit.deltas;
}

function keyOf({ branchId, groupId, validFrom, validTo, position }: CountedInterval): string {
  return `${branchId}|${groupId ?? ''}|${validFrom}|${validTo ?? ''}|${position}`;
}
