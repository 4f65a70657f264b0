import type { MembershipDocument } from './memberships.documents';
import type { IntervalDelta } from './unitMemberCounts.delta';
import type { CountChanges, UnitDeltas } from './unitMemberCounts.update';

/** What of a membership the counts follow from. */
export type CountedInterval = Pick<MembershipDocument, 'branchId' | 'groupId' | 'validFrom' | 'validTo' | 'position'>;

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
  const storedKeys = new Set(stored.map(keyOf));
  const freshKeys = new Set(fresh.map(keyOf));
  const expectedKeys = new Set(expected.map(keyOf));
  if (storedKeys.size === expectedKeys.size && [...storedKeys].every((key) => expectedKeys.has(key))) {
    for (const interval of stored) if (!freshKeys.has(keyOf(interval))) addDelta(changes, interval, -1);
    for (const interval of fresh) if (!storedKeys.has(keyOf(interval))) addDelta(changes, interval, 1);
    return;
  }
  for (const interval of [...stored, ...fresh, ...expected]) {
    const key = keyOf(interval);
    if (storedKeys.has(key) && freshKeys.has(key) && expectedKeys.has(key)) continue;
    const { branches, groups } = changes.recount;
    branches.set(interval.branchId, earlier(branches.get(interval.branchId), interval.validFrom));
    if (interval.groupId !== null) groups.set(interval.groupId, earlier(groups.get(interval.groupId), interval.validFrom));
  }
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

function earlier(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}
