import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
} from '@eventstore/db-client';
import { AppendOutcomeUnknownError, WrongExpectedVersionError } from '../errors';
import type {
  AllSubscription,
  AppendResult,
  Direction,
  EventData,
  EventFilter,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeAllOptions,
} from '../eventStore';
import { matchesFilter } from '../eventStore';
import { encodePosition } from '../position';
import { EventStoreDbSubscription } from './eventStoreDbSubscription';
import { isSystemEvent, toEsdbEvent, toEsdbExpectedRevision, toEsdbPosition, toPosition, toRecordedEvent } from './mapping';

/** Events fetched per `$all` read; our filters and the `after` bound are applied to each page. */
const PAGE_SIZE = 500;

/** The EventStore on an EventStoreDB / KurrentDB server, through `@eventstore/db-client`. */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  private constructor(private readonly client: EventStoreDBClient) {}

  /** The client connects lazily: the first call reports an unreachable server. */
  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(stream: string, events: readonly EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(stream, events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
      // The client reports revision 0 for an empty append to a missing stream: ask the stream.
      if (events.length === 0) return await this.lastOfStream(stream);
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      // Some servers omit the position of an idempotent append: take the original event's.
      const position = result.position
        ? toPosition(result.position)
        : (await this.readStream(stream, { fromRevision: nextExpectedRevision, maxCount: 1 }))[0]?.position;
      if (!position) throw new Error(`EventStoreDB reported no position for the append to "${stream}"`);
      return { nextExpectedRevision, position };
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersionError) {
        const actual = error.actualVersion === 'no_stream' ? 'no_stream' : Number(error.actualVersion);
        throw new WrongExpectedVersionError(stream, expectedRevision, actual);
      }
      // The server may have written the events before the call failed: the caller appends the same ids again.
      if (error instanceof DeadlineExceededError || error instanceof UnavailableError || error instanceof CancelledError || error instanceof NotLeaderError) {
        throw new AppendOutcomeUnknownError(stream, error);
      }
      throw error;
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      maxCount: options.maxCount,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let cursor = options.after;
    while (events.length < wanted) {
      const page = await this.readAllPage(direction, cursor);
      for (const resolved of page) {
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event, resolved.commitPosition);
        if (cursor !== undefined && !isBeyond(recorded.position, cursor, direction)) continue;
        if (matchesFilter(recorded, options.filter) && events.length < wanted) events.push(recorded);
      }
      const last = page[page.length - 1]?.event?.position;
      if (page.length < PAGE_SIZE || !last) break;
      cursor = toPosition(last);
    }
    return events;
  }

  subscribeAll(options: SubscribeAllOptions = {}): AllSubscription {
    const source = this.client.subscribeToAll({
      fromPosition: options.after === undefined ? START : toEsdbPosition(options.after),
      filter: serverFilter(options.filter),
    });
    const subscription = new EventStoreDbSubscription(source, options.after, options.filter, (ended) => this.subscriptions.delete(ended));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Reads one event backwards from the end of `$all`. The server's own events (`$stats`,
   * scavenges, …) may come after ours: past one, it reads on backwards to the newest of ours.
   */
  async headPosition(): Promise<Position | undefined> {
    const [newest] = await this.readAllPage('backwards', undefined, 1);
    if (newest === undefined) return undefined;
    const event = newest.event;
    if (event && !isSystemEvent(event)) return toRecordedEvent(event, newest.commitPosition).position;
    const [last] = await this.readAll({ direction: 'backwards', after: event?.position ? toPosition(event.position) : undefined, maxCount: 1 });
    return last?.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  /** One raw page of `$all`; ESDB's `fromPosition` includes the event at that position. */
  private async readAllPage(direction: Direction, from: Position | undefined, maxCount = PAGE_SIZE): Promise<AllStreamResolvedEvent[]> {
    const forwards = direction === 'forwards';
    const read = this.client.readAll({
      direction: forwards ? FORWARDS : BACKWARDS,
      fromPosition: from === undefined ? (forwards ? START : END) : toEsdbPosition(from),
      maxCount,
    });
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of read) page.push(resolved);
    return page;
  }

  private async lastOfStream(stream: string): Promise<AppendResult> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last ? { nextExpectedRevision: last.revision, position: last.position } : { nextExpectedRevision: -1, position: encodePosition(0n) };
  }
}

function isBeyond(position: Position, cursor: Position, direction: Direction): boolean {
  return direction === 'forwards' ? position > cursor : position < cursor;
}

/** Narrows server-side by prefix; the exact category and type rules are applied on our side. */
function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.categories && filter.categories.length > 0) return streamNameFilter({ prefixes: [...filter.categories] });
  if (filter?.types && filter.types.length > 0) return eventTypeFilter({ prefixes: [...filter.types] });
  return excludeSystemEvents();
}
