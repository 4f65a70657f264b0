import { allProjections } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import type { AllSubscription, EventStore, ReadAllOptions, RecordedEvent, SubscribeAllOptions } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { advanced, groupAssigned, left, registered, transferAccepted, transferRequested } from '../support/eventLog';
import { dump } from '../support/projectionHarness';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

/**
 * An event store whose subscriptions drop after delivering `dropAfter` events (the first
 * `drops` of them), and whose reads of `$all` numbered in `failedReads` fail: a node restart, a
 * leader election, a dropped connection, as the projector sees them.
 */
class FlakyEventStore implements EventStore {
  drops = 0;
  /** Reads of `$all` to fail, by their number (1: the first). */
  failedReads = new Set<number>();
  private reads = 0;
  constructor(
    private readonly inner: EventStore,
    private readonly dropAfter: number,
  ) {}
  append: EventStore['append'] = (...args) => this.inner.append(...args);
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    if (this.failedReads.has(++this.reads)) throw new Error('connection reset while reading $all');
    return this.inner.readAll(options);
  }
  subscribeAll(options?: SubscribeAllOptions): AllSubscription {
    const inner = this.inner.subscribeAll(options);
    const drop = this.drops > 0;
    if (drop) this.drops--;
    let delivered = 0;
    const dropAfter = this.dropAfter;
    return {
      unsubscribe: () => inner.unsubscribe(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) {
          if (drop && delivered === dropAfter) throw new Error('the subscription dropped');
          delivered++;
          yield event;
        }
      },
    };
  }
}

function halves() {
  const log = logWithTree();
  log.record('2014-01-01', registered('m1', 'B1', 'G1'));
  log.record('2014-02-01', registered('m2', 'B2'));
  const first = log.events.length;
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2016-04-01', transferRequested('t1', 'm2', 'B2', 'B1', '2016-07-01'));
  log.record('2016-05-01', transferAccepted('t1', 'm2', 'B2', 'B1'));
  log.record('2016-10-01', groupAssigned('m2', 'B1', 'G1b', null));
  log.record('2019-01-01', left('m1', 'B1'));
  return { before: log.events.slice(0, first), after: log.events.slice(first) };
}

describe('the projector resumes after an error, from its stored checkpoints, with no gap and no repeat', () => {
  it('a dropped subscription and failed reads of the log leave the read models equal to a clean rebuild', async () => {
    const sqlite = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 10 });
    const flaky = new FlakyEventStore(sqlite, 2);
    const { before, after } = halves();
    await storeLog(sqlite, before);
    const errors: unknown[] = [];
    flaky.failedReads = new Set([2]); // the first is the start's check of the log; the second, the catch-up's
    flaky.drops = 1;
    const store = new EmbeddedReadStore();
    const projector = new Projector(flaky, store, allProjections, { historyEpochEvents: 0, resumeAfterMs: 5, onError: (error) => errors.push(error) });
    await projector.start();
    await projector.catchUp(5_000);
    for (const event of after) {
      await storeLog(sqlite, [event]);
      await projector.catchUp(5_000);
    }
    expect(projector.state).toBe('running');
    expect(projector.failureCount).toBe(2);
    expect(errors.map((error) => (error as Error).message)).toEqual(['connection reset while reading $all', 'the subscription dropped']);
    await projector.stop();
    expect(projector.state).toBe('stopped');

    const clean = new EmbeddedReadStore();
    const rebuilt = new Projector(sqlite, clean, allProjections, { historyEpochEvents: 0 });
    await rebuilt.start();
    await rebuilt.catchUp();
    await rebuilt.stop();
    expect(await dump(store)).toEqual(await dump(clean));
    await sqlite.close();
  });
});
