import type {
  AllSubscription,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
} from '../../eventstore/eventStore';

/** Events kept in memory at most by default: the units' streams and the members' recent ones. */
export const DEFAULT_CACHED_EVENTS = 200_000;

interface CachedStream {
  events: RecordedEvent[];
  /** Appends to the stream seen so far; the cache holds them all when it equals `upTo`. */
  appended: number;
  upTo: number;
  /** The read bringing the stream up to date, when one is under way. */
  refreshing?: Promise<void>;
}

/**
 * The event store as the seed reads it: a whole stream, once read, is kept in memory (the events
 * exactly as stored, most recently used first, at most `capacity` events in all), and after an
 * append only the events past the cached ones are read again. The seed decides most commands on
 * streams it read a moment before (a branch's for each member registered into it, a member's for
 * each of their facts), and a read costs far more than the decision.
 *
 * Everything else passes through. A stream appended to by another process (a server next to the
 * seed) is not seen until the seed appends to it itself: that append is refused by its expected
 * revision, the stream is forgotten, and the command handler decides again on a fresh read.
 */
export class CachedStreams implements EventStore {
  private readonly streams = new Map<string, CachedStream>();
  private cachedEvents = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly capacity = DEFAULT_CACHED_EVENTS,
  ) {}

  async append(stream: string, events: readonly EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = await this.inner.append(stream, events, expectedRevision);
    } catch (error) {
      // Refused (someone else wrote to the stream, say) or failed: read it afresh next time.
      this.forget(stream);
      throw error;
    }
    // Counted once written: a read that began earlier may have missed it, so the stream is read on from where the cache ends.
    const cached = this.streams.get(stream);
    if (cached) cached.appended++;
    return result;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const whole = options.direction !== 'backwards' && options.fromRevision === undefined && options.maxCount === undefined;
    if (!whole || this.capacity === 0) return this.inner.readStream(stream, options);
    for (;;) {
      const cached = this.entry(stream);
      if (cached.upTo === cached.appended) {
        const events = [...cached.events];
        this.evict();
        return events;
      }
      cached.refreshing ??= this.refresh(stream, cached);
      await cached.refreshing;
    }
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeAll(options?: SubscribeAllOptions): AllSubscription {
    return this.inner.subscribeAll(options);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    this.streams.clear();
    this.cachedEvents = 0;
    await this.inner.close();
  }

  /** The stream's entry, made the most recently used; a new one is empty and still to be read. */
  private entry(stream: string): CachedStream {
    const cached = this.streams.get(stream) ?? { events: [], appended: 1, upTo: 0 };
    // Map order is use order: the first entries are the ones to evict.
    this.streams.delete(stream);
    this.streams.set(stream, cached);
    return cached;
  }

  /** Reads the events after the cached ones (stream revisions are 0, 1, 2, … without gaps). */
  private async refresh(stream: string, cached: CachedStream): Promise<void> {
    const upTo = cached.appended;
    try {
      const last = cached.events[cached.events.length - 1];
      const newer = await this.inner.readStream(stream, { fromRevision: last === undefined ? 0 : last.revision + 1 });
      // Evicted meanwhile: its reader makes a new entry.
      if (this.streams.get(stream) !== cached) return;
      cached.events.push(...newer);
      this.cachedEvents += newer.length;
      cached.upTo = upTo;
    } catch (error) {
      this.forget(stream);
      throw error;
    } finally {
      cached.refreshing = undefined;
    }
  }

  private forget(stream: string): void {
    const cached = this.streams.get(stream);
    if (cached === undefined) return;
    this.streams.delete(stream);
    this.cachedEvents -= cached.events.length;
  }

  private evict(): void {
    for (const stream of this.streams.keys()) {
      if (this.cachedEvents <= this.capacity) return;
      this.forget(stream);
    }
  }
}
