import { allProjections } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import { PROJECTOR_LEASE, ProjectorLease } from '../../../src/app/projector/projectorLease';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { Document, ReadStore } from '../../../src/readstore/readStore';
import { advanced, left, registered } from '../support/eventLog';
import { dump } from '../support/projectionHarness';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

const TTL_MS = 300;

/** A read store one instance reaches through a connection that can be cut: every call then fails, as from a killed or partitioned process. */
function cuttable(store: ReadStore): { store: ReadStore; cut(): void } {
  let cut = false;
  const refuse = () => {
    if (cut) throw new Error('connection to the read store lost');
  };
  const collection = (name: string) =>
    new Proxy(store.collection(name), {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          refuse();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    store: new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'collection') return collection;
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (...args: unknown[]) => (refuse(), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
      },
    }),
    cut: () => (cut = true),
  };
}

function history() {
  const log = logWithTree();
  for (let n = 0; n < 6; n++) log.record('2014-01-01', registered(`m${n}`, 'B1'));
  const first = log.events.length;
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2019-01-01', left('m2', 'B1'));
  for (let n = 6; n < 10; n++) log.record('2020-01-01', registered(`m${n}`, 'B2'));
  const late = log.record('2021-01-01', registered('m10', 'B1'));
  return { before: log.events.slice(0, first), after: log.events.slice(first, -1), late };
}

async function cleanRebuild(events: SqliteEventStore): Promise<Record<string, Document[]>> {
  const store = new EmbeddedReadStore();
  const projector = new Projector(events, store, allProjections, { historyEpochEvents: 0 });
  await projector.start();
  await projector.catchUp();
  await projector.stop();
  return dump(store);
}

const until = async (condition: () => boolean, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
};

describe('one projector writes a shared read store: the holder of the lease', () => {
  let events: SqliteEventStore;
  let shared: EmbeddedReadStore;
  let instances: Projector[];
  beforeEach(() => {
    events = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 10 });
    shared = new EmbeddedReadStore({ history: false });
    instances = [];
  });
  afterEach(async () => {
    await Promise.all(instances.map((projector) => projector.stop()));
    await events.close();
  });

  const instance = (n: number, store: ReadStore = shared): Projector => {
    const projector = new Projector(events, store, allProjections, {
      historyEpochEvents: 0,
      followPollMs: 10,
      resumeAfterMs: 10,
      lease: new ProjectorLease(store, { holder: `instance-${n}`, ttlMs: TTL_MS }),
    });
    instances.push(projector);
    return projector;
  };

  it('three started together: one leads, the others follow its checkpoints, and the read models are a single writer’s', async () => {
    const { before, after, late } = history();
    await storeLog(events, before);
    const projectors = [instance(1), instance(2), instance(3)];
    await Promise.all(projectors.map((projector) => projector.start()));
    await storeLog(events, after);
    await Promise.all(projectors.map((projector) => projector.catchUp(5_000)));
    expect(projectors.filter((projector) => projector.isLeader)).toHaveLength(1);
    expect(projectors.filter((projector) => projector.state === 'following')).toHaveLength(2);
    const heard = projectors.map(() => 0);
    projectors.forEach((projector, n) => projector.onApplied((applied) => (heard[n] += applied.length)));
    await storeLog(events, [late]);
    await Promise.all(projectors.map((projector) => projector.catchUp(5_000)));
    expect(heard).toEqual([1, 1, 1]); // every instance tells its subscribers of the event, once
    expect(await dump(shared)).toEqual(await cleanRebuild(events));
  });

  it('the holder killed: another takes over within 5 s, with nothing lost or applied twice', async () => {
    const { before, after } = history();
    await storeLog(events, before);
    const first = cuttable(shared);
    const leader = instance(1, first.store);
    await leader.start();
    await leader.catchUp(5_000);
    const standby = instance(2);
    await standby.start();
    await until(() => standby.state === 'following', 2_000);
    first.cut();
    await storeLog(events, after);
    const tookOverIn = await until(() => standby.isLeader, 5_000);
    expect(tookOverIn).toBeLessThan(5_000);
    await standby.catchUp(5_000);
    expect(await dump(shared)).toEqual(await cleanRebuild(events));
  });

  it('a deposed holder writes nothing more: its next batch is fenced off, and it follows', async () => {
    const { before, after } = history();
    await storeLog(events, before);
    const leader = instance(1);
    await leader.start();
    await leader.catchUp(5_000);
    const checkpointsBefore = await shared.collection('checkpoints').find({}, { sort: { _id: 1 } });
    // Another instance takes the lease while the holder is paused (its renewal late): the lease expired, a new token is issued.
    await shared.collection(PROJECTOR_LEASE).updateOne({ _id: 'projector' }, { $set: { expiresAt: 0 } });
    const usurper = new ProjectorLease(shared, { holder: 'instance-2', ttlMs: 60_000 });
    expect(await usurper.acquireOrRenew()).toBe(true);
    await storeLog(events, after);
    await until(() => leader.state === 'following', 2_000);
    expect(await shared.collection('checkpoints').find({}, { sort: { _id: 1 } })).toEqual(checkpointsBefore);
    expect(await shared.collection('members').countDocuments({ _id: 'm9' })).toBe(0);
  });

  it('a rebuild keeps the lease where it is: same holder, same token, and the holder goes on leading', async () => {
    const { before, after } = history();
    await storeLog(events, before);
    const leader = instance(1);
    await leader.start();
    await leader.catchUp(5_000);
    const lease = await shared.collection(PROJECTOR_LEASE).findOne({ _id: 'projector' });
    // A lease collection made anew (after being dropped) would not hold this.
    await shared.collection(PROJECTOR_LEASE).insertOne({ _id: 'marker' });
    await leader.rebuildAll();
    expect(await shared.collection(PROJECTOR_LEASE).countDocuments({ _id: 'marker' })).toBe(1);
    expect(await shared.collection(PROJECTOR_LEASE).findOne({ _id: 'projector' }, { projection: { holder: 1, token: 1 } })).toEqual({
      _id: 'projector',
      holder: lease?.holder,
      token: lease?.token,
    });
    await storeLog(events, after);
    await leader.catchUp(5_000);
    expect(leader.isLeader).toBe(true);
    expect(await dump(shared)).toEqual(await cleanRebuild(events));
  });

  it('a rebuild that outlived its lease is not swapped in: the new holder’s read models stay', async () => {
    const { before, after } = history();
    await storeLog(events, before);
    const leader = instance(1);
    await leader.start();
    await leader.catchUp(5_000);
    // The lease is lost while the rebuild runs (its collections being made in the scratch store).
    const scratchOf = shared.createScratch.bind(shared);
    jest.spyOn(shared, 'createScratch').mockImplementationOnce(async () => {
      await shared.collection(PROJECTOR_LEASE).updateOne({ _id: 'projector' }, { $set: { expiresAt: 0 } });
      expect(await new ProjectorLease(shared, { holder: 'instance-2', ttlMs: 60_000 }).acquireOrRenew()).toBe(true);
      return scratchOf();
    });
    const adopt = jest.spyOn(shared, 'adopt');
    await storeLog(events, after);
    await expect(leader.rebuildAll()).rejects.toThrow(/lease/i);
    expect(adopt).not.toHaveBeenCalled();
  });
});
