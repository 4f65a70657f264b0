import Database from 'better-sqlite3';
import type {
  AllSubscription,
  AppendResult,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedTime,
  SubscribeAllOptions,
} from '../eventStore';
import { decodePosition, encodePosition } from '../position';
import { appendToStream, repeatOfStoredAppend, StoredEventIdSignal, type AppendRequest } from './appendToStream';
import { CommitWatcher } from './commitWatcher';
import { prepareDatabase, type Synchronous } from './schema';
import { SqliteAllSubscription } from './sqliteSubscription';
import { NO_LIMIT, Statements, toRecordedEvent } from './statements';

export interface SqliteEventStoreOptions {
  /** Database file; `':memory:'` gives a private in-memory store (tests). */
  path: string;
  /**
   * SQLite `synchronous` setting. Default `'FULL'`: an acknowledged append survives power loss.
   * `'NORMAL'` is faster but may lose the last commits on power loss (never corrupts the file).
   */
  synchronous?: Synchronous;
  /** How often live subscriptions look for commits made by other processes, in ms. Default 200. */
  pollIntervalMs?: number;
}

export interface SqliteSettings {
  journalMode: string;
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  busyTimeoutMs: number;
}

interface PendingAppend {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

/**
 * The embedded EventStore: one SQLite file in WAL mode. Appends requested while a commit is
 * pending are written together in one transaction (group commit), each with its own check.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly watcher: CommitWatcher;
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly writeBatch: (batch: readonly PendingAppend[], created: string) => Outcome[];
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    pollIntervalMs: number,
  ) {
    this.statements = new Statements(db);
    this.watcher = new CommitWatcher(() => this.dataVersion(), pollIntervalMs);
    const appendOne = db.transaction((request: AppendRequest, created: string) => appendToStream(this.statements, request, created));
    this.writeBatch = db.transaction((batch: readonly PendingAppend[], created: string) =>
      batch.map((pending): Outcome => {
        try {
          // A nested transaction is a savepoint: a refused append leaves no partial write. An
          // append of one event needs none: every check runs before its only insert, and a
          // failed insert writes nothing.
          const result = pending.request.events.length <= 1 ? appendToStream(this.statements, pending.request, created) : appendOne(pending.request, created);
          return { ok: true, result };
        } catch (error) {
          if (error instanceof StoredEventIdSignal) {
            try {
              return { ok: true, result: repeatOfStoredAppend(this.statements, pending.request) };
            } catch (refusal) {
              return { ok: false, error: refusal };
            }
          }
          // Some errors (disk full, I/O) abort the whole transaction; then nothing may go on.
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    ).immediate;
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const db = new Database(options.path);
    try {
      prepareDatabase(db, options.synchronous ?? 'FULL');
      return new SqliteEventStore(db, options.pollIntervalMs ?? 200);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  append(stream: string, events: readonly EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('SqliteEventStore is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { stream, events, expectedRevision }, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.streamForwards.all(stream, options.fromRevision ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const from = options.after !== undefined ? Number(decodePosition(options.after).commit) : direction === 'forwards' ? 0 : Number.MAX_SAFE_INTEGER;
    return this.statements.readAll(direction, from, options.maxCount ?? NO_LIMIT, options.filter).map(toRecordedEvent);
  }

  async readRecordedTimes(options: { after?: Position; maxCount: number }): Promise<RecordedTime[]> {
    const from = options.after !== undefined ? Number(decodePosition(options.after).commit) : 0;
    return this.statements.recordedTimes.all(from, options.maxCount).map((row) => ({
      position: encodePosition(BigInt(row.seq)),
      stream: row.stream,
      recordedAt: row.recordedAt ?? '',
    }));
  }

  subscribeAll(options: SubscribeAllOptions = {}): AllSubscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const subscription = new SqliteAllSubscription(
      {
        readPage: (afterSeq: number, filter: EventFilter | undefined, limit: number) =>
          this.statements.readAll('forwards', afterSeq, limit, filter).map(toRecordedEvent),
        dataVersion: () => this.dataVersion(),
        waitForCommit: (since: number) => this.watcher.wait(since),
        ended: (ended) => this.subscriptions.delete(ended),
      },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    const seq = this.statements.head.get()?.seq;
    return seq === null || seq === undefined ? undefined : encodePosition(BigInt(seq));
  }

  /**
   * How many events the log holds, or only those of these stream categories: the total of a
   * progress report (not in the port: EventStoreDB has no cheap count).
   */
  countEvents(categories?: readonly string[]): number {
    const count =
      categories === undefined
        ? this.db.prepare<[], number>('SELECT count(*) FROM events').pluck().get()
        : this.db
            .prepare<[string], number>('SELECT count(*) FROM events WHERE category IN (SELECT value FROM json_each(?))')
            .pluck()
            .get(JSON.stringify(categories));
    return count ?? 0;
  }

  /** Writes appends already requested, ends subscriptions, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    this.watcher.stop();
    this.db.close();
  }

  /** The connection's effective settings, as SQLite reports them. */
  settings(): SqliteSettings {
    const synchronous = SYNCHRONOUS_NAMES[Number(this.db.pragma('synchronous', { simple: true }))] ?? 'OFF';
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous,
      busyTimeoutMs: Number(this.db.pragma('busy_timeout', { simple: true })),
    };
  }

  private dataVersion(): number {
    return Number(this.statements.dataVersion.get());
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate rather than a microtask: appends requested anywhere in this turn join the batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.writeBatch(batch, new Date().toISOString());
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) => {
      const pending = batch[index];
      if (!pending) return;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    this.watcher.committed();
  }
}
