import { EVENT_TYPES } from '../../src/domain/aggregates';
import type { PositionedEvent } from '../../src/domain/events';
import type { BulkOperation, Collection, ReadStore } from '../../src/readstore/readStore';
import { EVENT_INDEX, type EventIndexDocument } from './eventIndex.documents';
import { memberIdsNamedBy, subjectsOf } from './eventSubjects';
import type { EventSubjects, SubjectFacts } from '../shared/subjectRule';
import { MEMBERSHIPS, TRANSFERS, type MembershipDocument, type TransferDocument } from '../members';
import type { Projection } from '../shared/projection';
import { lastStartedOn } from '../shared/temporal';
import { loadUnitVersions, UNIT_VERSIONS, withAncestorsOn, type UnitVersionDocument } from '../units';

/**
 * `eventIndex`: every event with the members and units it concerns. It reads memberships,
 * transfers and unit versions, so it is applied after them in each batch. A move recorded
 * late changes the ancestors of units on dates already indexed: those entries are recomputed.
 */
export const eventIndexProjection: Projection = {
  name: 'eventIndex',
  collections: [EVENT_INDEX],
  handles: EVENT_TYPES,
  reads: [UNIT_VERSIONS, MEMBERSHIPS, TRANSFERS],
  seesRetractedEvents: true,

  async setup(store) {
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    for (const field of ['unitIds', 'memberIds', 'type', 'category', 'eventId']) await index.createIndex({ keys: { [field]: 1 } });
  },

  // An event indexed already (a correction's replay, a batch applied again) has its entry made
  // anew and replaced, which changes nothing where it is the same: most of a replay's entries.
  async apply(events, store) {
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    const stored = new Map(
      (await index.find({ _id: { $in: events.map((event) => event.position) } }, { projection: { _id: 1, retractedBy: 1 }, readOnly: true })).map((doc) => [
        doc._id,
        doc,
      ]),
    );
    const fresh = events.filter((event) => !stored.has(event.position));
    const facts = await loadFacts(store, events);
    const subjects: EventSubjects[] = [];
    for (const event of events) {
      const found = subjectsOf(event, facts);
      subjects.push(found);
      // Only a retraction later in the batch asks for an event's subjects: only those are kept.
      if (facts.targets.has(event.id)) facts.indexed.set(event.id, found);
    }
    const versions = await loadUnitVersions(
      store.collection<UnitVersionDocument>(UNIT_VERSIONS),
      subjects.flatMap((subject) => subject.unitIds),
    );
    const versionsOf = (unitId: string): UnitVersionDocument[] => versions.get(unitId) ?? [];
    const writes = events.map((event, at): BulkOperation<EventIndexDocument> => {
      const entry = entryOf(event, subjects[at], versionsOf);
      const before = stored.get(event.position);
      // An upsert, not an insert: an entry another writer made meanwhile (a deposed projector's
      // overlapping batch) is replaced by the same entry instead of failing the batch (E11000).
      if (before?.retractedBy !== undefined) entry.retractedBy = before.retractedBy;
      return { replaceOne: { filter: { _id: entry._id }, replacement: entry, upsert: true } };
    });
    // Each position once, its entry made for it: in any order.
    await index.bulkWrite(writes, { ordered: false, handOver: true });
    // Every retraction of the batch, indexed before or not: a batch applied again after a stop between the two writes marks its targets too.
    await markRetracted(index, events);
    await reindexAfterMoves(store, index, fresh);
  },

  // The entries of the replayed events stay: the replay makes each anew, with the subjects the
  // corrected read models give, and replaces those that differ (removing them all would touch
  // every index key they hold, the district's and committee's among them).
  async forget() {},

  // A withdrawn move gave the units below the moved one other ancestors from its date on.
  async settle(scope, store) {
    const { target } = scope;
    if (target.type !== 'UnitMoved') return;
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    await recomputeAncestors(store, index, await index.find({ unitIds: target.data.unitId, effectiveDate: { $gte: target.effectiveDate } }));
  },
};

function entryOf(
  event: PositionedEvent,
  { memberIds, unitIds }: EventSubjects,
  versionsOf: (unitId: string) => readonly UnitVersionDocument[],
): EventIndexDocument {
  const dash = event.stream.indexOf('-');
  return {
    _id: event.position,
    eventId: event.id,
    type: event.type,
    stream: event.stream,
    category: dash < 0 ? event.stream : event.stream.slice(0, dash),
    effectiveDate: event.effectiveDate,
    recordedAt: event.recordedAt,
    data: publicData(event),
    ...(event.actor === undefined ? {} : { actor: event.actor }),
    ...(event.actorSubject === undefined ? {} : { actorSubject: event.actorSubject }),
    memberIds,
    unitIds: withAncestorsOn(unitIds, event.effectiveDate, versionsOf),
    subjectUnitIds: unitIds,
  };
}

/** What the `events` query may show of an event's data: a key's hash stays in the log alone. */
function publicData(event: PositionedEvent): Record<string, unknown> {
  if (event.type !== 'ApiKeyIssued') return event.data;
  const { secretHash: _hidden, ...shown } = event.data;
  return shown;
}

/** The log keeps a retracted event: its entry stays, marked with the retraction's id. */
async function markRetracted(index: Collection<EventIndexDocument>, fresh: readonly PositionedEvent[]): Promise<void> {
  const writes: BulkOperation<EventIndexDocument>[] = [];
  for (const event of fresh) {
    if (event.type !== 'EventRetracted') continue;
    writes.push({ updateOne: { filter: { eventId: event.data.eventId }, update: { $set: { retractedBy: event.id } } } });
  }
  if (writes.length > 0) await index.bulkWrite(writes);
}

const READ_ONLY = { readOnly: true } as const;

type IndexFacts = SubjectFacts & { indexed: Map<string, EventSubjects>; targets: ReadonlySet<string> };

async function loadFacts(store: ReadStore, events: readonly PositionedEvent[]): Promise<IndexFacts> {
  const targetIds = events.flatMap((event) => (event.type === 'EventRetracted' ? [event.data.eventId] : []));
  const targets = targetIds.length === 0 ? [] : await store.collection<EventIndexDocument>(EVENT_INDEX).find({ eventId: { $in: targetIds } }, READ_ONLY);
  const indexed = new Map<string, EventSubjects>(targets.map((doc) => [doc.eventId, { memberIds: doc.memberIds, unitIds: doc.subjectUnitIds }]));
  const memberIds = [...new Set(events.flatMap(memberIdsNamedBy))];
  const transferIds = events.flatMap((event) => (event.type === 'TransferRejected' || event.type === 'TransferExpired' ? [event.data.transferId] : []));
  const memberships = memberIds.length === 0 ? [] : await store.collection<MembershipDocument>(MEMBERSHIPS).find({ memberId: { $in: memberIds } }, READ_ONLY);
  const transfers = transferIds.length === 0 ? [] : await store.collection<TransferDocument>(TRANSFERS).find({ _id: { $in: transferIds } }, READ_ONLY);
  const transferById = new Map(transfers.map((transfer) => [transfer._id, transfer]));
  const membershipsOf = new Map<string, MembershipDocument[]>();
  for (const membership of memberships) {
    const list = membershipsOf.get(membership.memberId);
    if (list === undefined) membershipsOf.set(membership.memberId, [membership]);
    else list.push(membership);
  }
  return {
    placeOn: (memberId, date) => lastStartedOn(membershipsOf.get(memberId) ?? [], date),
    transfer: (transferId) => transferById.get(transferId),
    subjectsOfEvent: (eventId) => indexed.get(eventId),
    indexed,
    targets: new Set(targetIds),
  };
}

/**
 * A move of X on D changes, from D on, the ancestors above X of X and of everything below it:
 * exactly the entries already indexed with X among their units and dated D or later.
 */
async function reindexAfterMoves(store: ReadStore, index: Collection<EventIndexDocument>, fresh: readonly PositionedEvent[]): Promise<void> {
  const freshIds = new Set(fresh.map((event) => event.position));
  const stale = new Map<string, EventIndexDocument>();
  for (const event of fresh) {
    if (event.type !== 'UnitMoved') continue;
    const filter = { unitIds: event.data.unitId, effectiveDate: { $gte: event.effectiveDate }, _id: { $lt: event.position } };
    for (const doc of await index.find(filter, READ_ONLY)) if (!freshIds.has(doc._id)) stale.set(doc._id, doc);
  }
  await recomputeAncestors(store, index, [...stale.values()]);
}

/** Rewrites the `unitIds` of these entries that the unit versions now give other ancestors. */
async function recomputeAncestors(store: ReadStore, index: Collection<EventIndexDocument>, docs: readonly EventIndexDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const versions = await loadUnitVersions(
    store.collection<UnitVersionDocument>(UNIT_VERSIONS),
    docs.flatMap((doc) => doc.subjectUnitIds),
  );
  const writes: BulkOperation<EventIndexDocument>[] = [];
  for (const doc of docs) {
    const unitIds = withAncestorsOn(doc.subjectUnitIds, doc.effectiveDate, (unitId) => versions.get(unitId) ?? []);
    if (!sameIds(unitIds, doc.unitIds)) writes.push({ updateOne: { filter: { _id: doc._id }, update: { $set: { unitIds } } } });
  }
  if (writes.length > 0) await index.bulkWrite(writes);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, at) => id === b[at]);
}
