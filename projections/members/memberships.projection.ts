import type { PositionedEvent } from '../../src/domain/events';
import type { MemberEvent } from '../../src/domain/members/member.events';
import type { BulkOperation, Collection } from '../../src/readstore/readStore';
import { MEMBER_TIMELINES, MEMBERSHIPS, type CountedInterval, type MemberTimelineDocument, type MembershipDocument } from './memberships.documents';
import { UNIT_MEMBER_COUNTS } from './unitMemberCounts.documents';
import { DocumentCache } from '../shared/documentCache';
import type { DocumentRules } from '../shared/documentRules';
import { foldEvents, loadDocuments } from '../shared/foldEvents';
import { isOneOf } from '../shared/handledEvents';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import { countedIntervalsOf, evolveMemberTimeline, membershipsOf } from './memberTimeline';
import type { Projection } from '../shared/projection';
import { addMemberCountChanges, noCountChanges } from './memberships.countChanges';
import { updateUnitCounts, type CountChanges } from './unitMemberCounts.update';

const isMemberEvent = isOneOf(memberAggregate.eventTypes);
/** Every bulk write below names each document by `_id` once, with documents made for it. */
const UNORDERED_HANDED_OVER = { ordered: false, handOver: true } as const;
/** Below every event's: a timeline with it takes every event of its member's stream again. */
const BEFORE_EVERY_EVENT = '';

/** Each member event is folded into the member's own timeline. */
const TIMELINE_RULES: DocumentRules<PositionedEvent<MemberEvent>, MemberTimelineDocument> = {
  documentIds: (event) => [event.data.memberId],
  evolve: evolveMemberTimeline,
};

type StoredInterval = CountedInterval & Pick<MembershipDocument, '_id' | 'memberId'>;
const STORED_INTERVAL = { projection: { _id: 1, memberId: 1, branchId: 1, groupId: 1, validFrom: 1, validTo: 1, position: 1 }, readOnly: true } as const;

/**
 * `memberTimelines`, `memberships` and `unitMemberCounts`: where every member belonged over
 * time, and how many members each branch and group had. Each batch folds its events into the
 * members' timelines, rewrites the memberships of those that changed, then applies to the
 * units' counts the intervals it removed and added (`updateUnitCounts`).
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
    // As stored: the memberships stored follow from them, unless a batch stopped half way.
    const before = new Map(memberEvents.map(({ data: { memberId } }) => [memberId, timelines.get(memberId)]));
    foldEvents(timelines, memberEvents, TIMELINE_RULES);
    const changed = timelines
      .changedIds()
      .map((id) => timelines.get(id))
      .filter((timeline) => timeline !== undefined);
    const counts = await writeMemberships(store.collection<MembershipDocument>(MEMBERSHIPS), changed, before);
    await updateUnitCounts(store, counts);
    // Timelines last: until they are written, a replay of the batch finds the memberships rewritten and recounts their units.
    await timelines.flush();
  },

  // The members' timelines are folded again from their streams. A member who stays keeps their
  // memberships and their timeline, which takes the replayed events anew: the replay then
  // rewrites only the memberships the retracted event changed, and the counts change by those.
  // A member whose registration is withdrawn loses both, and their units' counts lose the intervals.
  async forget(scope, store) {
    const memberIds = scope.idsIn('member');
    if (memberIds.length === 0) return;
    const withdrawn = scope.target.type === 'MemberRegistered' ? scope.target.data.memberId : undefined;
    const timelines = store.collection<MemberTimelineDocument>(MEMBER_TIMELINES);
    const staying = memberIds.filter((memberId) => memberId !== withdrawn);
    if (staying.length > 0) await timelines.updateMany({ _id: { $in: staying } }, { $set: { position: BEFORE_EVERY_EVENT } });
    if (withdrawn === undefined || staying.length === memberIds.length) return;
    const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
    const [timeline, stored] = await Promise.all([timelines.findOne({ _id: withdrawn }), memberships.find({ memberId: withdrawn }, STORED_INTERVAL)]);
    if (stored.length > 0) await memberships.deleteMany({ memberId: withdrawn });
    const counts = noCountChanges();
    addMemberCountChanges(counts, stored, [], timeline === null ? [] : countedIntervalsOf(timeline));
    await updateUnitCounts(store, counts);
    // The timeline last, as in a batch: a correction stopped before this and run again recounts the units.
    await timelines.deleteMany({ _id: withdrawn });
  },
};

/**
 * Rewrites the memberships of these members, and returns what that changes in their units'
 * counts: reckoned against the memberships stored, never against the timelines, so that a
 * batch applied again after its memberships were written changes no count twice.
 */
async function writeMemberships(
  collection: Collection<MembershipDocument>,
  timelines: readonly MemberTimelineDocument[],
  before: ReadonlyMap<string, MemberTimelineDocument | undefined>,
): Promise<CountChanges> {
  const counts = noCountChanges();
  if (timelines.length === 0) return counts;
  // Every write below is by _id, so a store answers each from its primary index.
  const stored: StoredInterval[] = await collection.find({ memberId: { $in: timelines.map((timeline) => timeline._id) } }, STORED_INTERVAL);
  const storedOf = new Map<string, StoredInterval[]>(timelines.map((timeline) => [timeline._id, []]));
  for (const membership of stored) storedOf.get(membership.memberId)!.push(membership);
  const writes: BulkOperation<MembershipDocument>[] = [];
  for (const timeline of timelines) {
    const fresh = membershipsOf(timeline);
    const obsolete = new Set(storedOf.get(timeline._id)!.map((membership) => membership._id));
    for (const membership of fresh) {
      obsolete.delete(membership._id);
      writes.push({ replaceOne: { filter: { _id: membership._id }, replacement: membership, upsert: true } });
    }
    for (const _id of obsolete) writes.push({ deleteOne: { filter: { _id } } });
    const previous = before.get(timeline._id);
    addMemberCountChanges(counts, storedOf.get(timeline._id)!, fresh, previous === undefined ? [] : countedIntervalsOf(previous));
  }
  if (writes.length > 0) await collection.bulkWrite(writes, UNORDERED_HANDED_OVER);
  return counts;
}
