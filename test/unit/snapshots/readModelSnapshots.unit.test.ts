import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allProjections } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import { ReadModelSnapshots } from '../../../src/app/snapshots/readModelSnapshots';
import type { SnapshotPolicy } from '../../../src/app/snapshots/snapshotPolicy';
import type { SavedSnapshot } from '../../../src/app/snapshots/snapshotReporter';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import * as snapshotWriter from '../../../src/readstore/embedded/snapshot/snapshotWriter';
import { registered } from '../support/eventLog';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

describe('when the read models are saved', () => {
  let dir: string;
  let events: SqliteEventStore;
  let projector: Projector;
  let store: EmbeddedReadStore;
  let saved: SavedSnapshot[];
  let appended = 0;
  const log = logWithTree();

  const keeper = (policy: SnapshotPolicy, restored = false): ReadModelSnapshots => {
    const file = path.join(dir, 'read-models.snapshot');
    return new ReadModelSnapshots({
      file,
      store,
      events,
      projector,
      projections: allProjections,
      policy,
      reporter: { saved: (snapshot) => saved.push(snapshot) },
      restored: restored
        ? { restored: true, file, savedAt: '', position: projector.position!, documents: 0, bytes: 0, ms: 0, rebuilt: [] }
        : { restored: false, file, reason: 'missing', message: '' },
    });
  };
  const append = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) log.record('2015-01-01', registered(`m${++appended}`, 'B1'));
    await storeLog(events, log.events.slice(-count));
    await projector.catchUp();
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-saves-'));
    events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    await storeLog(events, log.events);
    store = new EmbeddedReadStore();
    projector = new Projector(events, store, allProjections);
    await projector.start();
    await projector.catchUp();
    saved = [];
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await projector.stop();
    await events.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves in the background once the read models applied the configured number of events', async () => {
    const snapshots = keeper({ everyEvents: 5, everySeconds: 0 });
    snapshots.start();
    await append(4);
    expect(saved).toHaveLength(0);
    await append(1);
    await snapshots.stop();
    expect(saved.map((snapshot) => snapshot.trigger)).toEqual(['events']);
    expect(saved[0].position).toBe(await events.headPosition());
  });

  it('saves once the configured time passed since the last save, when the read models moved, and not when they did not', async () => {
    const snapshots = keeper({ everyEvents: 0, everySeconds: 1 }, true);
    snapshots.start();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(saved).toHaveLength(0);
    await append(1);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(saved.map((snapshot) => snapshot.trigger)).toEqual(['time']);
    await snapshots.stop();
    expect(saved).toHaveLength(1);
  });

  it('never writes two snapshots at once: saves asked for together run one after another', async () => {
    let writing = 0;
    let most = 0;
    const write = snapshotWriter.writeSnapshot;
    jest.spyOn(snapshotWriter, 'writeSnapshot').mockImplementation(async (...args) => {
      most = Math.max(most, ++writing);
      try {
        return await write(...args);
      } finally {
        writing--;
      }
    });
    const snapshots = keeper({ everyEvents: 1, everySeconds: 0 });
    snapshots.start();
    await Promise.all([snapshots.save('events'), snapshots.save('time'), append(3), snapshots.save('events')]);
    await snapshots.stop();
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
  });

  it('saves at shutdown when the read models moved since the start, and not when they are as restored', async () => {
    const rebuilt = keeper({ everyEvents: 0, everySeconds: 0 });
    rebuilt.start();
    await rebuilt.stop();
    expect(saved.map((snapshot) => snapshot.trigger)).toEqual(['shutdown']);

    saved = [];
    const asRestored = keeper({ everyEvents: 0, everySeconds: 0 }, true);
    asRestored.start();
    await asRestored.stop();
    expect(saved).toHaveLength(0);
  });
});
