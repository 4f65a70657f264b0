/**
 * A push-to-pull queue: producers `push`, one consumer iterates. `close` ends the iteration after
 * what is queued; `fail` ends it with an error at once.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private waitingReject: ((error: unknown) => void) | undefined;
  private closed = false;
  private error: unknown;
  private roomWaiters: { limit: number; resolve: () => void }[] = [];

  constructor(
    private readonly onReturn: () => void = () => {},
    /** Called with each item as the consumer takes it. */
    private readonly onTake: (item: T) => void = () => {},
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** True once the consumer stopped or the queue was closed or failed. */
  get isClosed(): boolean {
    return this.closed;
  }

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.waitingReject = undefined;
      this.onTake(item);
      resolve({ value: item, done: false });
    } else {
      this.items.push(item);
    }
  }

  close(): void {
    this.closed = true;
    this.releaseRoom();
    if (this.waiting && this.items.length === 0) {
      const resolve = this.waiting;
      this.waiting = this.waitingReject = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  fail(error: unknown): void {
    this.error = error;
    this.items.length = 0;
    this.closed = true;
    this.releaseRoom();
    if (this.waitingReject) {
      const reject = this.waitingReject;
      this.waiting = this.waitingReject = undefined;
      reject(error);
    }
  }

  /** Resolves once fewer than `limit` items wait to be taken (or the queue has ended): backpressure for producers. */
  waitForRoom(limit: number): Promise<void> {
    if (this.items.length < limit || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push({ limit, resolve }));
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) {
      const item = this.items.shift()!;
      this.onTake(item);
      this.releaseRoom();
      return Promise.resolve({ value: item, done: false });
    }
    if (this.error !== undefined) return Promise.reject(this.error);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.waitingReject = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.closed = true;
    this.items.length = 0;
    this.releaseRoom();
    this.onReturn();
    if (this.waiting) {
      this.waiting({ value: undefined, done: true });
      this.waiting = this.waitingReject = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private releaseRoom(): void {
    const stillWaiting: typeof this.roomWaiters = [];
    for (const waiter of this.roomWaiters) {
      if (this.closed || this.items.length < waiter.limit) waiter.resolve();
      else stillWaiting.push(waiter);
    }
    this.roomWaiters = stillWaiting;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
