import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedVersionError } from '../../src/eventstore/errors';
import { EventIdConflictError } from '../../src/eventstore/sqlite/errors';
import { SqliteEventStore, type SqliteEventStoreOptions } from '../../src/eventstore/sqlite/sqliteEventStore';
import { describeEventStoreContract } from './eventStore.contract';
import { WAIT_MS, expectNoMoreWithin, ids, newEvent, newEvents, take, withTimeout } from './eventStoreKit';

const directory = mkdtempSync(join(tmpdir(), 'orgtrack-eventstore-'));
let files = 0;
const newFile = (): string => join(directory, `events-${(files += 1)}.db`);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeEventStoreContract('SqliteEventStore', async () => SqliteEventStore.open({ path: newFile(), pollIntervalMs: 50 }));

describe('SqliteEventStore', () => {
  const open: SqliteEventStore[] = [];
  const openStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
    const store = SqliteEventStore.open(options);
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('has no head position while the log is empty', async () => {
    expect(await openStore({ path: newFile() }).headPosition()).toBeUndefined();
  });

  it('keeps appended events across close and reopen', async () => {
    const path = newFile();
    const first = openStore({ path });
    const events = newEvents(3);
    const result = await first.append('member-1', events, 'no_stream');
    await first.close();
    const reopened = openStore({ path });
    expect(ids(await reopened.readStream('member-1'))).toEqual(ids(events));
    expect(await reopened.headPosition()).toBe(result.position);
  });

  it('delivers to a live subscription what another connection (process) appends to the file', async () => {
    const path = newFile();
    const server = openStore({ path, pollIntervalMs: 20 });
    const seed = openStore({ path });
    const events = server.subscribeAll({ filter: { categories: ['unit'] } })[Symbol.asyncIterator]();
    const pending = events.next();
    const event = newEvent('UnitCreated');
    await seed.append('unit-1', [event], 'no_stream');
    const result = await withTimeout(pending, WAIT_MS, 'the event appended by the other connection');
    expect(result.done ? undefined : result.value.id).toBe(event.id);
  });

  it.each([
    [undefined, 'FULL'],
    ['FULL', 'FULL'],
    ['NORMAL', 'NORMAL'],
  ] as const)('with synchronous %s the connection runs synchronous=%s in WAL mode', (synchronous, expected) => {
    const store = openStore({ path: newFile(), synchronous });
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: expected, busyTimeoutMs: 5000 });
  });

  it('writes appends requested in the same tick in one transaction, in request order', async () => {
    const store = openStore({ path: newFile() });
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => store.append(`pairing-${index}`, [newEvent()], 'no_stream')));
    const positions = results.map((result) => result.position);
    expect([...positions].sort()).toEqual(positions);
    const stored = await store.readAll();
    expect(new Set(stored.map((event) => event.created)).size).toBe(1);
  });

  it('a refused append in a group commit writes nothing and does not affect the others', async () => {
    const store = openStore({ path: newFile() });
    await store.append('unit-2', [newEvent()], 'no_stream');
    const [before, refused, after] = await Promise.allSettled([
      store.append('unit-1', [newEvent()], 'no_stream'),
      store.append('unit-2', newEvents(2), 'no_stream'),
      store.append('unit-3', [newEvent()], 'no_stream'),
    ]);
    expect(before?.status).toBe('fulfilled');
    expect(after?.status).toBe('fulfilled');
    expect(refused?.status === 'rejected' ? refused.reason : undefined).toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.readStream('unit-2')).toHaveLength(1);
    expect(await store.readAll()).toHaveLength(3);
  });

  it('refuses an event id that is stored in another stream, or repeated within one append', async () => {
    const store = openStore({ path: newFile() });
    const event = newEvent();
    await store.append('member-1', [event], 'no_stream');
    await expect(store.append('member-2', [event], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
    const twice = newEvent();
    await expect(store.append('member-3', [twice, twice], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.readAll()).toHaveLength(1);
  });

  it('close writes appends already requested, ends subscriptions and refuses later appends', async () => {
    const store = openStore({ path: newFile() });
    const subscription = store.subscribeAll()[Symbol.asyncIterator]();
    const requested = store.append('unit-1', [newEvent()], 'no_stream');
    const firstEvent = await take(subscription, 1);
    expect(firstEvent).toHaveLength(1);
    const { pending } = await expectNoMoreWithin(subscription, 100);
    const late = store.append('unit-1', [newEvent()], 0);
    await store.close();
    await expect(requested).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(late).resolves.toMatchObject({ nextExpectedRevision: 1 });
    await expect(withTimeout(pending, WAIT_MS, 'the pending next()')).resolves.toEqual({ done: true, value: undefined });
    await expect(store.append('unit-1', [newEvent()], 1)).rejects.toThrow('closed');
  });
});
