import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allProjections, type Projection } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import { ReadModelSnapshots } from '../../../src/app/snapshots/readModelSnapshots';
import { restoreReadModels } from '../../../src/app/snapshots/restoreReadModels';
import type { AwardEvent } from '../../../src/domain/awards/award.events';
import type { OrgEvent } from '../../../src/domain/events';
import type { EventStore } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { writeSnapshot } from '../../../src/readstore/embedded/snapshot/snapshotWriter';
import { expectSameReadModels } from '../../support/readModelImage';
import { advanced, left, moved, registered, transferAccepted, transferRequested, type EventLog } from '../support/eventLog';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

const granted = (awardId: string, memberId: string): AwardEvent => ({
  type: 'AwardGranted',
  data: { awardId, recipientKind: 'MEMBER', recipientId: memberId, title: 'OUTSTANDING_MEMBER', otherTitle: null, grantedById: 'C1', citation: null },
});

/** Units, members, a transfer, awards, a late move and a retraction: every projection has documents. */
function history(): EventLog {
  const log = logWithTree();
  for (let i = 0; i < 12; i++) log.record('2014-01-01', registered(`m${i}`, i % 2 === 0 ? 'B1' : 'B2', i % 2 === 0 ? 'G1' : null));
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2016-04-01', transferRequested('t1', 'm2', 'B1', 'B2', '2016-07-01'));
  const accepted = log.record('2016-05-01', transferAccepted('t1', 'm2', 'B1', 'B2', 'G1'));
  log.record('2015-06-01', moved('C1', 'D2', 'D1'));
  log.record('2017-01-01', granted('a1', 'm1'));
  const retraction: OrgEvent = { type: 'EventRetracted', data: { eventId: accepted.id, eventType: accepted.type, reason: 'entered in error' } };
  log.record('2016-05-01', retraction);
  log.record('2017-02-01', granted('a2', 'm3'));
  return log;
}

/** What comes after the snapshot: the tail a restart applies. */
function tail(log: EventLog): OrgEvent[] {
  const events: [string, OrgEvent][] = [
    ['2018-01-01', registered('late1', 'B2')],
    ['2018-02-01', granted('a3', 'late1')],
    ['2018-03-01', left('m5', 'B2')],
  ];
  for (const [on, event] of events) log.record(on, event);
  return events.map(([, event]) => event);
}

async function caughtUp(events: EventStore, store: EmbeddedReadStore, projections: readonly Projection[] = allProjections): Promise<Projector> {
  const projector = new Projector(events, store, projections, { catchUpBatchSize: 5 });
  await projector.start();
  await projector.catchUp();
  return projector;
}

async function cleanRebuild(events: EventStore): Promise<EmbeddedReadStore> {
  const store = new EmbeddedReadStore();
  await (await caughtUp(events, store)).stop();
  return store;
}

/** Saves the read models of `events` as a server would at shutdown. */
async function saveSnapshot(file: string, events: EventStore, projections: readonly Projection[] = allProjections): Promise<void> {
  const store = new EmbeddedReadStore();
  const projector = await caughtUp(events, store, projections);
  const snapshots = new ReadModelSnapshots({
    file,
    store,
    events,
    projector,
    projections,
    policy: { everyEvents: 0, everySeconds: 0 },
    restored: { restored: false, file, reason: 'missing', message: 'none' },
  });
  await projector.stop();
  expect(await snapshots.save('shutdown')).toMatchObject({ file, trigger: 'shutdown' });
}

const withVersion = (name: string, version: number): Projection[] =>
  allProjections.map((projection) => (projection.name === name ? { ...projection, version } : projection));

describe('restoring the embedded read models at start', () => {
  let dir: string;
  let file: string;
  let log: EventLog;
  let events: SqliteEventStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-restore-'));
    file = path.join(dir, 'read-models.snapshot');
    log = history();
    events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    await storeLog(events, log.events);
  });
  afterEach(async () => {
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores the read models of this log; the projector then applies only the tail, and they equal a clean rebuild', async () => {
    await saveSnapshot(file, events);
    const savedHead = await events.headPosition();
    const after = tail(log);
    await storeLog(events, log.events.slice(-after.length));

    const { store, outcome } = await restoreReadModels(file, events, allProjections);
    expect(outcome).toMatchObject({ restored: true, position: savedHead, rebuilt: [] });
    const projector = await caughtUp(events, store);
    expect(projector.eventsApplied).toBe(after.length);
    await projector.stop();
    expectSameReadModels(store, await cleanRebuild(events));
  });

  it('a missing snapshot is named as missing, and the store is empty', async () => {
    const { store, outcome } = await restoreReadModels(file, events, allProjections);
    expect(outcome).toMatchObject({ restored: false, reason: 'missing' });
    expect(await store.listCollections()).toEqual([]);
  });

  it('a snapshot of another log (other events from the start) is refused as another log', async () => {
    await saveSnapshot(file, events);
    const other = SqliteEventStore.open({ path: ':memory:' });
    try {
      const otherLog = logWithTree();
      otherLog.events.forEach((event) => Object.assign(event, { id: `other-${event.id}` }));
      await storeLog(other, [...otherLog.events, ...log.events.slice(otherLog.events.length)]);
      const { store, outcome } = await restoreReadModels(file, other, allProjections);
      expect(outcome).toMatchObject({ restored: false, reason: 'another-log', message: expect.stringMatching(/starts with another event/) });
      expect(await store.listCollections()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a snapshot whose checkpoint is another event of the log than it saved is refused as another log', async () => {
    await saveSnapshot(file, events);
    const other = SqliteEventStore.open({ path: ':memory:' });
    try {
      // The same beginning, then other events up to the checkpoint's position.
      const diverging = log.events.map((event, i) => (i < 9 ? event : { ...event, id: `diverged-${event.id}` }));
      await storeLog(other, diverging);
      const { outcome } = await restoreReadModels(file, other, allProjections);
      expect(outcome).toMatchObject({ restored: false, reason: 'another-log', message: expect.stringMatching(/checkpoint/) });
    } finally {
      await other.close();
    }
  });

  it('a snapshot with a checkpoint beyond the head of the log (a log restored from an older backup) is refused', async () => {
    await saveSnapshot(file, events);
    const shorter = SqliteEventStore.open({ path: ':memory:' });
    try {
      await storeLog(shorter, log.events.slice(0, -2));
      const { outcome } = await restoreReadModels(file, shorter, allProjections);
      expect(outcome).toMatchObject({ restored: false, reason: 'beyond-head', message: expect.stringMatching(/beyond the head of the log/) });
    } finally {
      await shorter.close();
    }
  });

  it('a snapshot without the log identity and projections in its header is refused as corrupt', async () => {
    await writeSnapshot(file, { something: 'else' }, (await cleanRebuild(events)).copy());
    expect((await restoreReadModels(file, events, allProjections)).outcome).toMatchObject({ restored: false, reason: 'corrupt' });
  });

  it('a damaged snapshot is refused with the reason, and nothing of it is kept', async () => {
    await saveSnapshot(file, events);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length * 0.7)] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const { store, outcome } = await restoreReadModels(file, events, allProjections);
    expect(outcome).toMatchObject({ restored: false, reason: 'corrupt' });
    expect(await store.listCollections()).toEqual([]);
  });

  it('a projection saved under an older version is rebuilt alone: its collections dropped, its checkpoint forgotten, the others kept', async () => {
    await saveSnapshot(file, events);
    const projections = withVersion('awards', 2);
    const { store, outcome } = await restoreReadModels(file, events, projections);
    expect(outcome).toMatchObject({ restored: true, rebuilt: ['awards'] });
    expect(await store.collection('awards').countDocuments()).toBe(0);
    expect(await store.collection('checkpoints').findOne({ _id: 'awards' })).toBeNull();
    expect(await store.collection('members').countDocuments()).toBeGreaterThan(0);

    const given = new Map<string, number>();
    const counting = projections.map((projection) => ({
      ...projection,
      apply: (batch: Parameters<Projection['apply']>[0], target: Parameters<Projection['apply']>[1]) => {
        given.set(projection.name, (given.get(projection.name) ?? 0) + batch.length);
        return projection.apply(batch, target);
      },
    }));
    await (await caughtUp(events, store, counting)).stop();
    // Only awards was given the log again; the others had nothing after their checkpoints.
    expect([...given.keys()]).toEqual(['awards']);
    expectSameReadModels(store, await cleanRebuild(events));
  });

  it('a projection changed under the ones that read it makes them stale too', async () => {
    await saveSnapshot(file, events);
    const { store, outcome } = await restoreReadModels(file, events, withVersion('memberships', 3));
    expect(outcome).toMatchObject({ restored: true, rebuilt: ['memberships', 'dues', 'eventIndex'] });
    await (await caughtUp(events, store, withVersion('memberships', 3))).stop();
    expectSameReadModels(store, await cleanRebuild(events));
  });

  it('a projection added since the snapshot (no version saved for it) is rebuilt alone', async () => {
    const without = allProjections.filter((projection) => projection.name !== 'pairings');
    await saveSnapshot(file, events, without);
    const { store, outcome } = await restoreReadModels(file, events, allProjections);
    expect(outcome).toMatchObject({ restored: true, rebuilt: ['pairings'] });
    await (await caughtUp(events, store)).stop();
    expectSameReadModels(store, await cleanRebuild(events));
  });
});
