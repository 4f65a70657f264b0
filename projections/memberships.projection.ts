import type { BulkOperation, Collection } from '../src/readstore/readStore';
import { MEMBER_TIMELINES, MEMBERSHIPS } from './collections';
import { alreadyApplied, DocumentCache } from './documentCache';
import { isMemberEvent } from './eventKinds';
import { evolveMemberTimeline, membershipsOf } from './memberTimeline';
import type { MemberTimelineDocument, MembershipDocument } from './memberships.documents';
import type { Projection } from './projection';

/**
 * `memberTimelines` and `memberships`: where every member belonged over time. Each batch folds
 * its events into the members' timelines, then rewrites the memberships of those that changed.
 */
export const membershipsProjection: Projection = {
  name: 'memberships',
  collections: [MEMBER_TIMELINES, MEMBERSHIPS],

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
    await writeMemberships(store.collection<MembershipDocument>(MEMBERSHIPS), changed);
    // Timelines last: until they are written, a replay of the batch rewrites the memberships.
    await timelines.flush();
  },
};

async function writeMemberships(collection: Collection<MembershipDocument>, timelines: readonly MemberTimelineDocument[]): Promise<void> {
  if (timelines.length === 0) return;
  // Every write below is by _id, so a store answers each from its primary index.
  const stored = await collection.find({ memberId: { $in: timelines.map((timeline) => timeline._id) } }, { projection: { _id: 1 } });
  const obsolete = new Set(stored.map((membership) => membership._id));
  const writes: BulkOperation<MembershipDocument>[] = [];
  for (const timeline of timelines) {
    for (const membership of membershipsOf(timeline)) {
      obsolete.delete(membership._id);
      writes.push({ replaceOne: { filter: { _id: membership._id }, replacement: membership, upsert: true } });
    }
  }
  for (const _id of obsolete) writes.push({ deleteOne: { filter: { _id } } });
  if (writes.length > 0) await collection.bulkWrite(writes);
}
