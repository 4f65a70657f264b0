export interface CommitWait {
  readonly promise: Promise<void>;
  /** Resolves the wait now (used on unsubscribe and close). */
  cancel(): void;
}

interface Waiter {
  /** `PRAGMA data_version` observed before the waiter's last read. */
  since: number;
  resolve(): void;
}

/**
 * Wakes caught-up subscribers when new events may be readable: at once after a commit by this
 * store, and for commits by other connections (another process) when `PRAGMA data_version`
 * differs from what the subscriber saw before its last read. The poll timer runs only while
 * someone waits, and never keeps the process alive.
 */
export class CommitWatcher {
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataVersion: () => number,
    private readonly pollIntervalMs: number,
  ) {}

  wait(since: number): CommitWait {
    let resolve!: () => void;
    const promise = new Promise<void>((settle) => {
      resolve = settle;
    });
    const waiter: Waiter = { since, resolve };
    this.waiters.add(waiter);
    this.startPolling();
    return { promise, cancel: () => this.release(waiter) };
  }

  /** A commit by this store: every waiter may have something to read. */
  committed(): void {
    for (const waiter of [...this.waiters]) this.release(waiter);
  }

  stop(): void {
    this.committed();
    this.stopPolling();
  }

  private poll(): void {
    let version: number;
    try {
      version = this.dataVersion();
    } catch {
      // The connection is closing; the store releases the waiters itself.
      return;
    }
    for (const waiter of [...this.waiters]) if (waiter.since !== version) this.release(waiter);
  }

  private release(waiter: Waiter): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.resolve();
    if (this.waiters.size === 0) this.stopPolling();
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
