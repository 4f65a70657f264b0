import type { BulkOperation, ReadStore } from '../../src/readstore/readStore';
import { COUNTED_INTERVALS, MEMBERSHIPS, type CountedInterval, type MembershipDocument } from './memberships.documents';
import { memberCountDocuments, yearDocumentId, yearOf } from './unitMemberCounts.compute';
import { UNIT_MEMBER_COUNTS, type UnitMemberCountDocument } from './unitMemberCounts.documents';

/** Branches and groups to recount, each with the earliest date its count may have changed. */
export type AffectedUnits = { branches: Map<string, string>; groups: Map<string, string> };

/** The unit's count may have changed from `date` on (the earliest such date is kept). */
export function markAffected(units: Map<string, string>, unitId: string, date: string): void {
  const known = units.get(unitId);
  if (known === undefined || date < known) units.set(unitId, date);
}

/** Every bulk write below names each document by `_id` once, with documents made for it. */
const UNORDERED_HANDED_OVER = { ordered: false, handOver: true } as const;

/**
 * Recomputes the counts of these units from all their memberships (already written), so the
 * result depends only on the memberships, not on the batches that produced them: what the
 * deltas are checked against, and what is done where they cannot be trusted. Its cost is that
 * of the units' whole history. Rewrites the documents from the year of the unit's earliest
 * change on: those of earlier years follow from intervals that did not change. A unit left with
 * no membership has no document.
 */
export async function recountUnits(store: ReadStore, { branches, groups }: AffectedUnits): Promise<void> {
  if (branches.size === 0 && groups.size === 0) return;
  const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
  const branchIds = [...branches.keys()];
  // A group's memberships are nearly all in its branch, already read: the second find reads only
  // those in other branches (a group moved to another branch), so each membership is read once.
  const [inBranches, elsewhere]: CountedInterval[][] = await Promise.all([
    branchIds.length > 0 ? memberships.find({ branchId: { $in: branchIds } }, COUNTED_INTERVALS) : [],
    groups.size > 0 ? memberships.find({ groupId: { $in: [...groups.keys()] }, branchId: { $nin: branchIds } }, COUNTED_INTERVALS) : [],
  ]);
  const byUnit = new Map<string, CountedInterval[]>([...branches.keys(), ...groups.keys()].map((unitId) => [unitId, []]));
  for (const membership of [inBranches, elsewhere].flat()) {
    if (branches.has(membership.branchId)) byUnit.get(membership.branchId)!.push(membership);
    if (membership.groupId !== null && groups.has(membership.groupId)) byUnit.get(membership.groupId)!.push(membership);
  }
  const counts = store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS);
  // The document for the years after the last change tells which years a unit has documents up to.
  const afterLast = await counts.find({ _id: { $in: [...byUnit.keys()] } }, { projection: { from: 1 }, readOnly: true });
  const lastYear = new Map(afterLast.map((document) => [document._id, yearOf(document.from) - 1]));
  const writes: BulkOperation<UnitMemberCountDocument>[] = [];
  for (const [unitId, intervals] of byUnit) {
    const last = lastYear.get(unitId);
    // Also the years its last document covered until now, and every year of a unit new to the collection.
    const changedYear = yearOf(branches.get(unitId) ?? groups.get(unitId)!);
    const fromYear = last === undefined ? 0 : Math.min(changedYear, last + 1);
    const documents = memberCountDocuments(unitId, intervals, fromYear);
    for (const document of documents) writes.push({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } });
    if (last === undefined) continue;
    if (documents.length === 0) {
      writes.push({ deleteMany: { filter: { unitId } } });
      continue;
    }
    // Years it had a document for and no longer has (some may never have had one: deleting them
    // is a no-op), also those between its new last change and the year it changed from, when
    // the last change moved earlier (an interval withdrawn).
    const newLast = yearOf(documents[documents.length - 1].from) - 1;
    const kept = new Set(documents.map((document) => document._id));
    for (let year = Math.min(fromYear, newLast + 1); year <= last; year++) {
      const _id = yearDocumentId(unitId, year);
      if (!kept.has(_id)) writes.push({ deleteOne: { filter: { _id } } });
    }
  }
  if (writes.length > 0) await counts.bulkWrite(writes, UNORDERED_HANDED_OVER);
}
