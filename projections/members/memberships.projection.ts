import type { PositionedEvent } from '../../src/domain/events';
import type { MemberEvent } from '../../src/domain/members/member.events';
import type { BulkOperation, Collection } from '../../src/readstore/readStore';
import { MEMBER_TIMELINES, MEMBERSHIPS, type MemberTimelineDocument, type MembershipDocument } from './memberships.documents';
import { UNIT_MEMBER_COUNTS } from './unitMemberCounts.documents';
import { DocumentCache } from '../shared/documentCache';
import type { DocumentRules } from '../shared/documentRules';
import { foldEvents, loadDocuments } from '../shared/foldEvents';
import { isOneOf } from '../shared/handledEvents';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import { evolveMemberTimeline, membershipsOf } from './memberTimeline';
import type { Projection } from '../shared/projection';
import { recountUnits, type AffectedUnits } from './unitMemberCounts.recount';

const isMemberEvent = isOneOf(memberAggregate.eventTypes);
/** Every bulk write below names each document by `_id` once, with documents made for it. */
const UNORDERED_HANDED_OVER = { ordered: false, handOver: true } as const;

/** Each member event is folded into the member's own timeline. */
const TIMELINE_RULES: DocumentRules<PositionedEvent<MemberEvent>, MemberTimelineDocument> = {
  documentIds: (event) => [event.data.memberId],
  evolve: evolveMemberTimeline,
};

/**
 * `memberTimelines`, `memberships` and `unitMemberCounts`: where every member belonged over
 * time, and how many members each branch and group had. Each batch folds its events into the
 * members' timelines, rewrites the memberships of those that changed, then recounts the units
 * those memberships were or are in.
 */
export const membershipsProjection: Projection = {
  name: 'memberships',
  collections: [MEMBER_TIMELINES, MEMBERSHIPS, UNIT_MEMBER_COUNTS],
  handles: memberAggregate.eventTypes,

  async setup(store) {
    const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
    for (const field of ['memberId', 'branchId', 'groupId', 'unitYears']) await memberships.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const memberEvents = events.filter(isMemberEvent);
    if (memberEvents.length === 0) return;
    const timelines = new DocumentCache(store.collection<MemberTimelineDocument>(MEMBER_TIMELINES));
    await loadDocuments(timelines, memberEvents, TIMELINE_RULES);
    // Per member, the earliest effective date the batch changes: their intervals before it stay as they were.
    const changedFrom = new Map<string, string>();
    for (const { event, document } of foldEvents(timelines, memberEvents, TIMELINE_RULES)) {
      changedFrom.set(document._id, earlier(changedFrom.get(document._id), event.effectiveDate));
    }
    const changed = timelines
      .changedIds()
      .map((id) => timelines.get(id))
      .filter((timeline) => timeline !== undefined);
    const affected = await writeMemberships(store.collection<MembershipDocument>(MEMBERSHIPS), changed, changedFrom);
    await recountUnits(store, affected);
    // Timelines last: until they are written, a replay of the batch rewrites the memberships and counts.
    await timelines.flush();
  },

  // The members' timelines are folded again from their streams; their memberships go now (the
  // replay writes them anew), and the units they were in are recounted without them.
  async forget(scope, store) {
    const memberIds = scope.idsIn('member');
    if (memberIds.length === 0) return;
    await store.collection<MemberTimelineDocument>(MEMBER_TIMELINES).deleteMany({ _id: { $in: [...memberIds] } });
    const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
    const stored: StoredInterval[] = await memberships.find(
      { memberId: { $in: [...memberIds] } },
      { projection: { _id: 1, memberId: 1, branchId: 1, groupId: 1, validFrom: 1, validTo: 1 } },
    );
    if (stored.length === 0) return;
    await memberships.deleteMany({ memberId: { $in: [...memberIds] } });
    const affected: AffectedUnits = { branches: new Map(), groups: new Map() };
    for (const { branchId, groupId, validFrom } of stored) {
      affected.branches.set(branchId, earlier(affected.branches.get(branchId), validFrom));
      if (groupId !== null) affected.groups.set(groupId, earlier(affected.groups.get(groupId), validFrom));
    }
    await recountUnits(store, affected);
  },
};

type StoredInterval = Pick<MembershipDocument, '_id' | 'memberId' | 'branchId' | 'groupId' | 'validFrom' | 'validTo'>;

/**
 * Rewrites the memberships of these members; returns the units they were in before or are in
 * now with an interval not over by the date they changed from.
 */
async function writeMemberships(
  collection: Collection<MembershipDocument>,
  timelines: readonly MemberTimelineDocument[],
  changedFrom: ReadonlyMap<string, string>,
): Promise<AffectedUnits> {
  const affected: AffectedUnits = { branches: new Map(), groups: new Map() };
  if (timelines.length === 0) return affected;
  // Every write below is by _id, so a store answers each from its primary index.
  const stored: StoredInterval[] = await collection.find(
    { memberId: { $in: timelines.map((timeline) => timeline._id) } },
    { projection: { _id: 1, memberId: 1, branchId: 1, groupId: 1, validFrom: 1, validTo: 1 }, readOnly: true },
  );
  const obsolete = new Map(stored.map((membership) => [membership._id, membership]));
  const fresh = timelines.flatMap(membershipsOf);
  const writes: BulkOperation<MembershipDocument>[] = [];
  for (const membership of fresh) {
    obsolete.delete(membership._id);
    writes.push({ replaceOne: { filter: { _id: membership._id }, replacement: membership, upsert: true } });
  }
  for (const _id of obsolete.keys()) writes.push({ deleteOne: { filter: { _id } } });
  if (writes.length > 0) await collection.bulkWrite(writes, UNORDERED_HANDED_OVER);
  // An interval that disappears changes the counts from its start (a re-registration can drop earlier ones).
  const since = new Map(changedFrom);
  for (const { memberId, validFrom } of obsolete.values()) since.set(memberId, earlier(since.get(memberId), validFrom));
  // Stored intervals too: a unit an interval disappears from loses that member.
  for (const { memberId, branchId, groupId, validFrom, validTo } of [...stored, ...fresh]) {
    const from = since.get(memberId) ?? validFrom;
    if (validTo !== null && validTo < from) continue;
    affected.branches.set(branchId, earlier(affected.branches.get(branchId), from));
    if (groupId !== null) affected.groups.set(groupId, earlier(affected.groups.get(groupId), from));
  }
  return affected;
}

function earlier(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}
