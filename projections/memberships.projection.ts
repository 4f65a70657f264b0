import type { BulkOperation, Collection, ReadStore } from '../src/readstore/readStore';
import { MEMBER_TIMELINES, MEMBERSHIPS, UNIT_MEMBER_COUNTS } from './collections';
import { alreadyApplied, DocumentCache } from './documentCache';
import { isMemberEvent } from './eventKinds';
import { evolveMemberTimeline, membershipsOf } from './memberTimeline';
import type { MemberTimelineDocument, MembershipDocument } from './memberships.documents';
import type { Projection } from './projection';
import { memberCountSteps } from './unitMemberCounts.compute';
import type { UnitMemberCountDocument } from './unitMemberCounts.documents';

/**
 * `memberTimelines`, `memberships` and `unitMemberCounts`: where every member belonged over
 * time, and how many members each branch and group had. Each batch folds its events into the
 * members' timelines, rewrites the memberships of those that changed, then recounts the units
 * those memberships were or are in.
 */
export const membershipsProjection: Projection = {
  name: 'memberships',
  collections: [MEMBER_TIMELINES, MEMBERSHIPS, UNIT_MEMBER_COUNTS],

  async setup(store) {
    const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
    for (const field of ['memberId', 'branchId', 'groupId']) await memberships.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const memberEvents = events.filter(isMemberEvent);
    if (memberEvents.length === 0) return;
    const timelines = new DocumentCache(store.collection<MemberTimelineDocument>(MEMBER_TIMELINES));
    await timelines.load(memberEvents.map((event) => event.data.memberId));
    for (const event of memberEvents) {
      const timeline = timelines.get(event.data.memberId);
      if (alreadyApplied(timeline, event)) continue;
      const next = evolveMemberTimeline(timeline, event);
      if (next !== undefined) timelines.put(next);
    }
    const changed = timelines.changedIds().map((id) => timelines.get(id)).filter((timeline) => timeline !== undefined);
    const affected = await writeMemberships(store.collection<MembershipDocument>(MEMBERSHIPS), changed);
    await recountUnits(store, affected);
    // Timelines last: until they are written, a replay of the batch rewrites the memberships and counts.
    await timelines.flush();
  },
};

/** The branches and groups whose memberships a batch changed. */
type AffectedUnits = { branchIds: Set<string>; groupIds: Set<string> };

type UnitOf = Pick<MembershipDocument, 'branchId' | 'groupId'>;

/** Rewrites the memberships of these members; returns the units they were in before or are in now. */
async function writeMemberships(collection: Collection<MembershipDocument>, timelines: readonly MemberTimelineDocument[]): Promise<AffectedUnits> {
  const affected: AffectedUnits = { branchIds: new Set(), groupIds: new Set() };
  if (timelines.length === 0) return affected;
  const addUnitsOf = ({ branchId, groupId }: UnitOf): void => {
    affected.branchIds.add(branchId);
    if (groupId !== null) affected.groupIds.add(groupId);
  };
  // Every write below is by _id, so a store answers each from its primary index.
  const stored = await collection.find({ memberId: { $in: timelines.map((timeline) => timeline._id) } }, { projection: { _id: 1, branchId: 1, groupId: 1 } });
  const obsolete = new Set(stored.map((membership) => membership._id));
  // Stored intervals too: a unit an interval disappears from loses that member.
  for (const membership of stored) addUnitsOf(membership);
  const writes: BulkOperation<MembershipDocument>[] = [];
  for (const timeline of timelines) {
    for (const membership of membershipsOf(timeline)) {
      obsolete.delete(membership._id);
      addUnitsOf(membership);
      writes.push({ replaceOne: { filter: { _id: membership._id }, replacement: membership, upsert: true } });
    }
  }
  for (const _id of obsolete) writes.push({ deleteOne: { filter: { _id } } });
  if (writes.length > 0) await collection.bulkWrite(writes);
  return affected;
}

type CountedInterval = Pick<MembershipDocument, 'branchId' | 'groupId' | 'validFrom' | 'validTo' | 'position'>;

/**
 * Recomputes the counts of these units from all their memberships (already written), so the
 * result depends only on the memberships, not on the batches that produced them. A unit left
 * with no membership has no document.
 */
async function recountUnits(store: ReadStore, { branchIds, groupIds }: AffectedUnits): Promise<void> {
  if (branchIds.size === 0 && groupIds.size === 0) return;
  const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
  const options = { projection: { _id: 0, branchId: 1, groupId: 1, validFrom: 1, validTo: 1, position: 1 } } as const;
  const branches = [...branchIds];
  // A group's memberships are nearly all in its branch, already read: the second find reads only
  // those in other branches (a group moved to another branch), so each membership is read once.
  const [inBranches, elsewhere]: CountedInterval[][] = await Promise.all([
    branches.length > 0 ? memberships.find({ branchId: { $in: branches } }, options) : [],
    groupIds.size > 0 ? memberships.find({ groupId: { $in: [...groupIds] }, branchId: { $nin: branches } }, options) : [],
  ]);
  const byUnit = new Map<string, CountedInterval[]>([...branchIds, ...groupIds].map((unitId) => [unitId, []]));
  for (const membership of [inBranches, elsewhere].flat()) {
    if (branchIds.has(membership.branchId)) byUnit.get(membership.branchId)!.push(membership);
    if (membership.groupId !== null && groupIds.has(membership.groupId)) byUnit.get(membership.groupId)!.push(membership);
  }
  const writes: BulkOperation<UnitMemberCountDocument>[] = [];
  for (const [_id, intervals] of byUnit) {
    const steps = memberCountSteps(intervals);
    if (steps.length === 0) {
      writes.push({ deleteOne: { filter: { _id } } });
      continue;
    }
    const position = intervals.reduce((latest, interval) => (interval.position > latest ? interval.position : latest), '');
    writes.push({ replaceOne: { filter: { _id }, replacement: { _id, steps, position }, upsert: true } });
  }
  await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).bulkWrite(writes);
}
