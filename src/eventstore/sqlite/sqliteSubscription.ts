import type { AllSubscription, EventFilter, RecordedEvent, SubscribeAllOptions } from '../eventStore';
import { decodePosition } from '../position';
import type { CommitWait } from './commitWatcher';

/** Events read per catch-up query; the next page is read only once the consumer took these. */
const PAGE_SIZE = 500;

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  /** Events of `$all` with seq > `afterSeq`, in order, matching the filter. */
  readPage(afterSeq: number, filter: EventFilter | undefined, limit: number): RecordedEvent[];
  dataVersion(): number;
  waitForCommit(since: number): CommitWait;
  ended(subscription: SqliteAllSubscription): void;
}

/**
 * Catch-up then live in one loop: every read asks for "seq > last delivered", so the switch
 * from catching up to live can neither skip nor repeat an event.
 */
export class SqliteAllSubscription implements AllSubscription {
  private buffer: RecordedEvent[] = [];
  private afterSeq: number;
  private done = false;
  private wait: CommitWait | undefined;
  private pulling: Promise<unknown> = Promise.resolve();
  private readonly filter: EventFilter | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    options: SubscribeAllOptions,
  ) {
    this.afterSeq = options.after === undefined ? 0 : Number(decodePosition(options.after).commit);
    this.filter = options.filter;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.unsubscribe();
        return { done: true, value: undefined };
      },
    };
  }

  async unsubscribe(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.buffer = [];
    this.wait?.cancel();
    this.source.ended(this);
  }

  /** Calls are served one after another, so concurrent `next()` calls never share a page. */
  private next(): Promise<IteratorResult<RecordedEvent>> {
    const result = this.pulling.then(() => this.pull());
    this.pulling = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    while (!this.done) {
      const event = this.buffer.shift();
      if (event) return { done: false, value: event };
      // Read data_version before the page: a commit by another process after this point changes it.
      const since = this.source.dataVersion();
      const page = this.source.readPage(this.afterSeq, this.filter, PAGE_SIZE);
      const last = page[page.length - 1];
      if (last) {
        this.buffer = page;
        this.afterSeq = Number(decodePosition(last.position).commit);
        continue;
      }
      this.wait = this.source.waitForCommit(since);
      await this.wait.promise;
      this.wait = undefined;
    }
    return { done: true, value: undefined };
  }
}
