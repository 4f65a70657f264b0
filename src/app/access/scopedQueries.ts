import type { MembershipDocument, UnitVersionDocument } from '../../../projections';
import type { EventQueries } from '../eventLog/eventQueries';
import type { MemberQueries } from '../members/memberQueries';
import type { QuerySet } from '../queries/querySet';
import type { UnitQueries } from '../units/unitQueries';
import { versionWithin } from './versionWithin';

/**
 * The query services a caller scoped to `root`'s subtree reads through: a unit exists for it on
 * the dates it was in the subtree, a member on the dates their branch was, and a history is cut
 * to those intervals. Every loader and list over a request's view is built on these, so nested
 * fields and connections cannot reach past the scope. What lies outside is absent, as if it
 * did not exist.
 */
export function scopedQuerySet(queries: QuerySet, root: string): QuerySet {
  const units = scopedUnits(queries.unitQueries, root);
  return {
    ...queries,
    unitQueries: units,
    memberQueries: scopedMembers(queries.memberQueries, queries.unitQueries, root),
    eventQueries: scopedEvents(queries.eventQueries, root),
  };
}

/** The events about the subtree as it stood on each event's date; key events are about no unit, so never among them. */
function scopedEvents(inner: EventQueries, root: string): EventQueries {
  const scoped: EventQueries = Object.create(inner) as EventQueries;
  scoped.page = (filter, page) => inner.page({ ...filter, within: root }, page);
  return scoped;
}

function scopedUnits(inner: UnitQueries, root: string): UnitQueries {
  const scoped: UnitQueries = Object.create(inner) as UnitQueries;
  scoped.versionsOn = async (unitIds, date) => keepWhere(await inner.versionsOn(unitIds, date), (version) => versionWithin(version, root));
  scoped.childrenOn = async (parentIds, date) =>
    mapValues(await inner.childrenOn(parentIds, date), (children) => children.filter((child) => versionWithin(child, root)));
  scoped.history = async (unitIds) => mapValues(await inner.history(unitIds), (versions) => versions.filter((version) => versionWithin(version, root)));
  scoped.descendantsOn = async (ancestorIds, level, date) =>
    (await inner.descendantsOn(ancestorIds, level, date)).filter((version) => versionWithin(version, root));
  scoped.search = (criteria, date, page) => inner.search({ ...criteria, within: root }, date, page);
  return scoped;
}

function scopedMembers(inner: MemberQueries, units: UnitQueries, root: string): MemberQueries {
  const scoped: MemberQueries = Object.create(inner) as MemberQueries;
  const branchesWithin = async (branchIds: readonly string[], date: string): Promise<Set<string>> => {
    const versions = await units.versionsOn([...new Set(branchIds)], date);
    return new Set([...versions.values()].filter((version) => versionWithin(version, root)).map((version) => version.unitId));
  };
  scoped.onDate = async (memberIds, date) => {
    const found = await inner.onDate(memberIds, date);
    const within = await branchesWithin(
      [...found.values()].flatMap((member) => (member.membership ? [member.membership.branchId] : [])),
      date,
    );
    // A member who has left is the caller's when their last branch was, while they were in it.
    const left = [...found.values()].filter((member) => member.membership === undefined).map((member) => member.member._id);
    const histories = left.length === 0 ? new Map<string, MembershipDocument[]>() : await inner.history(left);
    const leftWithin = new Set<string>();
    for (const [memberId, intervals] of histories) {
      const last = intervals.filter((interval) => interval.validFrom <= date).at(-1);
      if (last !== undefined && (await branchesWithin([last.branchId], last.validFrom)).has(last.branchId)) leftWithin.add(memberId);
    }
    return keepWhere(found, (member) => (member.membership === undefined ? leftWithin.has(member.member._id) : within.has(member.membership.branchId)));
  };
  scoped.history = async (memberIds) => {
    const histories = await inner.history(memberIds);
    const branchIds = [...new Set([...histories.values()].flat().map((membership) => membership.branchId))];
    const branchHistories = await units.history(branchIds);
    return mapValues(histories, (intervals) =>
      intervals.flatMap((membership) => mergeAdjacent(clipToScope(membership, branchHistories.get(membership.branchId) ?? [], root))),
    );
  };
  scoped.list = async (criteria, date, page) => {
    const visible = await units.versionsOn([criteria.unitId], date);
    const unit = visible.get(criteria.unitId);
    if (unit === undefined || !versionWithin(unit, root)) return { items: [], cursors: [], hasNextPage: false, totalCount: 0 };
    return inner.list(criteria, date, page);
  };
  scoped.countsOn = async (countedUnits, date, includeDescendants) => {
    const counts = await inner.countsOn(countedUnits, date, includeDescendants);
    const versions = await units.versionsOn(
      countedUnits.map((unit) => unit.unitId),
      date,
    );
    return mapValues(counts, (count, unitId) => {
      const version = versions.get(unitId);
      return version !== undefined && versionWithin(version, root) ? count : 0;
    });
  };
  return scoped;
}

/** The parts of a membership interval during which its branch was within `root`'s subtree. */
function clipToScope(membership: MembershipDocument, branchVersions: readonly UnitVersionDocument[], root: string): MembershipDocument[] {
  const pieces: MembershipDocument[] = [];
  for (const version of branchVersions) {
    if (!versionWithin(version, root)) continue;
    const from = version.validFrom > membership.validFrom ? version.validFrom : membership.validFrom;
    const to = earliest(version.validTo, membership.validTo);
    if (to !== null && to <= from) continue;
    pieces.push({ ...membership, validFrom: from, validTo: to });
  }
  return pieces;
}

/** Pieces of one interval that meet (its branch renamed, not moved out) are one interval again. */
function mergeAdjacent(pieces: MembershipDocument[]): MembershipDocument[] {
  const merged: MembershipDocument[] = [];
  for (const piece of pieces) {
    const previous = merged.at(-1);
    if (previous !== undefined && previous.validTo === piece.validFrom) merged[merged.length - 1] = { ...previous, validTo: piece.validTo };
    else merged.push(piece);
  }
  return merged;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function keepWhere<V>(map: Map<string, V>, keep: (value: V) => boolean): Map<string, V> {
  return new Map([...map].filter(([, value]) => keep(value)));
}

function mapValues<V, W>(map: Map<string, V>, change: (value: V, key: string) => W): Map<string, W> {
  return new Map([...map].map(([key, value]) => [key, change(value, key)]));
}
