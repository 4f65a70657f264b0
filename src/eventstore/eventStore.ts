/**
 * The EventStore port. Semantics follow EventStoreDB (KurrentDB) so that the embedded SQLite
 * adapter and the EventStoreDB adapter are interchangeable; `test/contract/eventStore.contract.ts`
 * states them and runs against every adapter.
 */

/** JSON values as stored in event data and metadata. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What every event carries besides its data (DESIGN.md "Events"). */
export interface EventMetadata {
  /** Calendar date (YYYY-MM-DD) on which the fact took effect in the organization. */
  effectiveDate: string;
  /** ISO-8601 instant at which the fact was recorded. */
  recordedAt: string;
  actor?: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  schemaVersion: number;
  [key: string]: Json | undefined;
}

/** An event to append. `id` is a uuid chosen by the caller; it makes retries idempotent. */
export interface EventData {
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

/**
 * A position in `$all`: opaque to callers, but two positions compare with plain string
 * comparison (`a < b` means a comes first in the log). Encoded by `encodePosition`.
 */
export type Position = string;

export interface RecordedEvent {
  id: string;
  type: string;
  stream: string;
  /** 0-based revision of the event within its stream. */
  revision: number;
  position: Position;
  data: JsonObject;
  metadata: EventMetadata;
  /** When the store committed the event (ISO-8601). */
  created: string;
}

/**
 * Expected revision of the stream before the append:
 * - `no_stream`: the stream must not exist;
 * - `stream_exists`: it must exist;
 * - `any`: no check;
 * - a number: the revision of the stream's last event must equal it.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as the next expectation. */
  nextExpectedRevision: number;
  /** Position of the last appended event in `$all`. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start revision; default: the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

/** Which events a reader of `$all` wants; all given criteria must hold. */
export interface EventFilter {
  /** Stream categories: the text of the stream name before its first `-`. */
  categories?: readonly string[];
  types?: readonly string[];
}

export interface ReadAllOptions {
  direction?: Direction;
  /**
   * Exclusive: read the events strictly after (forwards) or strictly before (backwards) this
   * position. Default: from the start (forwards) or the end (backwards).
   */
  after?: Position;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeAllOptions {
  /** Exclusive: deliver events strictly after this position; default: from the start. */
  after?: Position;
  filter?: EventFilter;
}

/**
 * A catch-up subscription to `$all`: first every stored event after the start position,
 * then live events, in log order, with no gap and no duplicate at the seam.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /** Stops delivery; a pending iteration ends. Idempotent. */
  unsubscribe(): Promise<void>;
}

/** When an event was recorded (`metadata.recordedAt`), and where it stands in the log. */
export interface RecordedTime {
  position: Position;
  stream: string;
  recordedAt: string;
}

export interface EventStore {
  /**
   * Appends events atomically to one stream after checking `expectedRevision`.
   * Appending the same event ids again with the same expectation returns the original
   * result and writes nothing. Fails with `WrongExpectedVersionError` otherwise.
   */
  append(stream: string, events: readonly EventData[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: the recorded time of each event after `after` in `$all` order, without reading
   * the events themselves (a store that can read one field of many events cheaply offers it;
   * callers fall back to `readAll`).
   */
  readRecordedTimes?(options: { after?: Position; maxCount: number }): Promise<RecordedTime[]>;
  subscribeAll(options?: SubscribeAllOptions): AllSubscription;
  /** Position of the last event in `$all`, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}

/** The category of a stream name: `member-42` → `member`. */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

export function matchesFilter(event: Pick<RecordedEvent, 'stream' | 'type'>, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.categories && filter.categories.length > 0 && !filter.categories.includes(streamCategory(event.stream))) return false;
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  return true;
}
