import { fixedClock } from '../../../src/app/clock';
import { GateMoved, Gates, gateStream } from '../../../src/app/commands/gates';
import type { EventData } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';

const clock = fixedClock('2026-06-15T09:30:00Z', 'Asia/Shanghai');
const TIMEOUT_MS = 300;

const fact = (id: string): EventData => ({
  id,
  type: 'Something',
  data: {},
  metadata: { effectiveDate: '2026-06-15', recordedAt: '2026-06-15T09:30:00Z', schemaVersion: 1 },
});

describe('gates: the order of commands deciding one rule across aggregates', () => {
  let store: SqliteEventStore;
  let gates: Gates;
  let catchUps: number;

  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 50 });
    catchUps = 0;
    gates = new Gates(store, clock, async () => void catchUps++, { entryTimeoutMs: TIMEOUT_MS, pollMs: 5 });
  });
  afterEach(() => store.close());

  const exclusive = { key: 'unitcode:SEQ-1', mode: 'exclusive' as const };
  const shared = { key: 'unitcode:SEQ-1', mode: 'shared' as const };

  it('an exclusive entry expects the revision its command settled on: a second one that settled alike must decide again', async () => {
    const [first] = await gates.settle([exclusive]);
    const [second] = await gates.settle([exclusive]);
    await gates.enter([first], { stream: 'unit-a', eventId: 'e-a' });
    await expect(gates.enter([second], { stream: 'unit-b', eventId: 'e-b' })).rejects.toBeInstanceOf(GateMoved);
    expect(catchUps).toBe(2);
  });

  it('settling waits until the fact of the entry before is in the log, then until the read models include it', async () => {
    const [settled] = await gates.settle([exclusive]);
    await gates.enter([settled], { stream: 'unit-a', eventId: 'e-a' });
    let settledAt = 0;
    const waiting = gates.settle([exclusive]).then((gate) => {
      settledAt = performance.now();
      return gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settledAt).toBe(0);
    const writtenAt = performance.now();
    await store.append('unit-a', [fact('e-a')], 'no_stream');
    const [next] = await waiting;
    expect(settledAt).toBeGreaterThanOrEqual(writtenAt);
    expect(next.revision).toBe(0);
  });

  it('an entry whose writer gave up is abandoned, and one whose writer died is void after the timeout', async () => {
    const [first] = await gates.settle([exclusive]);
    const tickets = await gates.enter([first], { stream: 'unit-a', eventId: 'e-a' });
    await gates.abandon(tickets);
    const started = performance.now();
    const [afterAbandoned] = await gates.settle([exclusive]);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 2);

    await gates.enter([afterAbandoned], { stream: 'unit-b', eventId: 'e-b' }); // its writer "dies": no fact, no abandonment
    const [afterDead] = await gates.settle([exclusive]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(afterDead.revision).toBe(2);
  });

  it('a shared entry that finds an exclusive entry made since it looked steps back; shared entries do not wait for each other', async () => {
    const [look] = await gates.settle([shared]);
    await gates.enter([look], { stream: 'member-1', eventId: 'e-1' });
    const started = performance.now();
    const [again] = await gates.settle([shared]); // the first shared entry's fact is not written: no wait
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 2);

    const [dissolution] = await gates.settle([exclusive]); // waits out the unwritten shared entry (void after the timeout)
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    await gates.enter([dissolution], { stream: 'unit-a', eventId: 'e-d' });
    await expect(gates.enter([again], { stream: 'member-2', eventId: 'e-2' })).rejects.toBeInstanceOf(GateMoved);
    const entries = await store.readStream(gateStream(shared.key));
    expect(entries.map((event) => event.type)).toEqual(['GateEntered', 'GateEntered', 'GateEntered', 'GateEntryAbandoned']);
  });

  it('a writer past half the timeout may no longer write its fact', async () => {
    const [settled] = await gates.settle([exclusive]);
    const tickets = await gates.enter([settled], { stream: 'unit-a', eventId: 'e-a' });
    expect(gates.stillOpen(tickets)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2 + 10));
    expect(gates.stillOpen(tickets)).toBe(false);
  });
});
