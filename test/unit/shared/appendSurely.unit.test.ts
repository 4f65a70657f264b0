import { appendSurely, WriteOutcomeUnknown } from '../../../src/app/commands/appendSurely';
import { AppendOutcomeUnknownError } from '../../../src/eventstore/errors';
import type { EventData, EventStore } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';

const event: EventData = {
  id: 'e1',
  type: 'Something',
  data: {},
  metadata: { effectiveDate: '2026-06-15', recordedAt: '2026-06-15T09:30:00Z', schemaVersion: 1 },
};

/** Every append takes `ms` and then reports an unknown outcome, after writing when `writes`. */
function unsure(inner: EventStore, ms: number, writes: boolean, started: number[]): EventStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      const append: EventStore['append'] = async (stream, events, expected) => {
        started.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, ms));
        if (writes) await target.append(stream, events, expected);
        throw new AppendOutcomeUnknownError(stream, new Error('deadline exceeded'));
      };
      return append;
    },
  });
}

describe('appending again after an unknown outcome', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('repeats the same events with the same expectation, and the store writes them once', async () => {
    let first = true;
    const flaky = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'append') return Reflect.get(target, property, receiver);
        const append: EventStore['append'] = async (...args) => {
          const result = await target.append(...args);
          if (first) {
            first = false;
            throw new AppendOutcomeUnknownError(args[0], new Error('connection dropped'));
          }
          return result;
        };
        return append;
      },
    });
    const result = await appendSurely(flaky, 's-1', [event], 'no_stream');
    expect(result.nextExpectedRevision).toBe(0);
    expect(await store.readStream('s-1')).toHaveLength(1);
  });

  it('starts no attempt after its deadline: a gate or a key would by then let another command decide without this write', async () => {
    const started: number[] = [];
    const begin = performance.now();
    const deadline = begin + 120;
    await expect(appendSurely(unsure(store, 40, false, started), 's-1', [event], 'no_stream', deadline)).rejects.toBeInstanceOf(WriteOutcomeUnknown);
    expect(started.length).toBeGreaterThanOrEqual(1);
    for (const at of started) expect(at).toBeLessThan(deadline);
  });

  it('never repeats an append that expects any revision: a repeat could write it twice', async () => {
    const started: number[] = [];
    await expect(appendSurely(unsure(store, 1, true, started), 's-1', [event], 'any')).rejects.toBeInstanceOf(WriteOutcomeUnknown);
    expect(started).toHaveLength(1);
  });
});
