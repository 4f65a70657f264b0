import { allProjections, type Projection } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import { ProjectionCheckpoints } from '../../../src/app/projector/projectionCheckpoints';
import type { AwardEvent } from '../../../src/domain/awards/award.events';
import type { OrgEvent } from '../../../src/domain/events';
import type { EventStore } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { Document, ReadStore } from '../../../src/readstore/readStore';
import { advanced, groupAssigned, left, moved, registered, transferAccepted, transferRequested, type EventLog } from '../support/eventLog';
import { dump } from '../support/projectionHarness';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

const granted = (awardId: string, memberId: string): AwardEvent => ({
  type: 'AwardGranted',
  data: { awardId, recipientKind: 'MEMBER', recipientId: memberId, title: 'OUTSTANDING_MEMBER', otherTitle: null, grantedById: 'C1', citation: null },
});

/** A history across units, members, transfers and awards, with a late move and a retraction. */
function history(): EventLog {
  const log = logWithTree();
  log.record('2014-01-01', registered('m1', 'B1', 'G1'));
  log.record('2014-02-01', registered('m2', 'B2'));
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2016-04-01', transferRequested('t1', 'm2', 'B2', 'B1', '2016-07-01'));
  const accepted = log.record('2016-05-01', transferAccepted('t1', 'm2', 'B2', 'B1'));
  log.record('2015-06-01', moved('C1', 'D2', 'D1'));
  log.record('2016-10-01', groupAssigned('m2', 'B1', 'G1b', null));
  log.record('2017-01-01', granted('a1', 'm1'));
  const retraction: OrgEvent = { type: 'EventRetracted', data: { eventId: accepted.id, eventType: accepted.type, reason: 'entered in error' } };
  log.record('2016-05-01', retraction);
  log.record('2017-02-01', granted('a2', 'm2'));
  log.record('2019-01-01', left('m1', 'B1'));
  return log;
}

/** The projections, each counting the events it is given. */
function counted(projections: readonly Projection[]): { projections: Projection[]; given: Map<string, number> } {
  const given = new Map<string, number>();
  return {
    given,
    projections: projections.map((projection) => ({
      ...projection,
      apply: (events, store) => {
        given.set(projection.name, (given.get(projection.name) ?? 0) + events.length);
        return projection.apply(events, store);
      },
    })),
  };
}

/** Runs a projector over the stored log until it has caught up, in pages of three events. */
async function projectAll(events: EventStore, store: ReadStore, projections: readonly Projection[]): Promise<Projector> {
  const projector = new Projector(events, store, projections, { catchUpBatchSize: 3, historyEpochEvents: 0 });
  await projector.start();
  await projector.catchUp();
  return projector;
}

async function fullRebuild(events: EventStore): Promise<Record<string, Document[]>> {
  const store = new EmbeddedReadStore();
  await (await projectAll(events, store, allProjections)).stop();
  return dump(store);
}

async function checkpoints(store: ReadStore): Promise<Document[]> {
  return store.collection('checkpoints').find({}, { sort: { _id: 1 } });
}

describe('a checkpoint per projection', () => {
  let log: EventLog;
  let events: SqliteEventStore;
  let head: string;
  beforeEach(async () => {
    log = history();
    events = SqliteEventStore.open({ path: ':memory:' });
    await storeLog(events, log.events);
    head = (await events.headPosition())!;
  });
  afterEach(() => events.close());

  it('stores each projection’s checkpoint, and the position every read model includes is the lowest', async () => {
    const store = new EmbeddedReadStore();
    const projector = await projectAll(events, store, allProjections);
    expect(projector.position).toBe(head);
    expect(await checkpoints(store)).toEqual(
      allProjections.map((projection) => ({ _id: projection.name, position: head })).sort((a, b) => (a._id < b._id ? -1 : 1)),
    );
    await projector.stop();
  });

  it('a projection added later catches up alone to the documents of a full rebuild; the others are not re-applied', async () => {
    const store = new EmbeddedReadStore();
    const added = ['awards', 'eventIndex'];
    await (
      await projectAll(
        events,
        store,
        allProjections.filter((projection) => !added.includes(projection.name)),
      )
    ).stop();

    const { projections, given } = counted(allProjections);
    const projector = await projectAll(events, store, projections);
    await projector.stop();

    expect(projector.position).toBe(head);
    expect([...given.keys()].sort()).toEqual([...added].sort());
    expect(await dump(store)).toEqual(await fullRebuild(events));
  });

  it('a projection rebuilt in place catches up alone to the documents of a full rebuild, then follows the log with the others', async () => {
    const store = new EmbeddedReadStore();
    const { projections, given } = counted(allProjections);
    const projector = await projectAll(events, store, projections);
    given.clear();

    await projector.rebuildProjections(['memberships']);

    expect([...given.keys()]).toEqual(['memberships']);
    expect(projector.position).toBe(head);
    expect(await dump(store)).toEqual(await fullRebuild(events));
    given.clear();
    await storeLog(events, [log.record('2020-01-01', registered('m3', 'B2'))]);
    await projector.catchUp();
    expect(given.get('memberships')).toBe(1);
    expect(given.get('members')).toBe(1);
    await projector.stop();
  });

  it('a store with only the single checkpoint of before keeps its read models: each projection takes it as its own', async () => {
    const first = log.events.slice(0, 12);
    const rest = log.events.slice(12);
    const older = SqliteEventStore.open({ path: ':memory:' });
    await storeLog(older, first);
    const store = new EmbeddedReadStore();
    await (await projectAll(older, store, allProjections)).stop();
    const reached = (await older.headPosition())!;
    await older.close();
    // As the projector wrote it before each projection had a checkpoint of its own.
    await store.collection('checkpoints').deleteMany({});
    await store.collection('checkpoints').insertOne({ _id: 'projector', position: reached });

    const { projections, given } = counted(allProjections);
    const projector = await projectAll(events, store, projections);
    await projector.stop();

    expect(reached < head).toBe(true);
    // The rest of the log, and only that: the retraction and the event it withdraws are seen by the event index alone.
    const live = rest.filter(
      (event) => event.type !== 'EventRetracted' && !rest.some((other) => other.type === 'EventRetracted' && other.data.eventId === event.id),
    );
    expect(Object.fromEntries(given)).toEqual(
      Object.fromEntries(allProjections.map((projection) => [projection.name, projection.seesRetractedEvents ? rest.length : live.length])),
    );
    expect(await dump(store)).toEqual(await fullRebuild(events));
    expect((await checkpoints(store)).map((checkpoint) => checkpoint._id)).toEqual(allProjections.map((projection) => projection.name).sort());
  });
});

describe('a stored checkpoint only moves forward', () => {
  it('a batch ending before what another writer stored leaves the stored checkpoint where it is', async () => {
    const store = new EmbeddedReadStore();
    await store.collection('checkpoints').insertOne({ _id: 'units', position: '00000000000000010000000000000001' });
    const checkpoints = await ProjectionCheckpoints.load(store, ['units']);
    await store.collection('checkpoints').updateOne({ _id: 'units' }, { $set: { position: '00000000000000090000000000000009' } });
    await checkpoints.advance(store, '00000000000000050000000000000005');
    expect(await store.collection('checkpoints').findOne({ _id: 'units' })).toEqual({ _id: 'units', position: '00000000000000090000000000000009' });
    await checkpoints.advance(store, '0000000000000009900000000000000a');
    expect((await store.collection('checkpoints').findOne({ _id: 'units' }))?.position).toBe('0000000000000009900000000000000a');
  });
});
