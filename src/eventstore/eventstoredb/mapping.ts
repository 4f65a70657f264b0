import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData as EsdbEventData,
  type Position as EsdbPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventData, EventMetadata, ExpectedRevision, JsonObject, Position, RecordedEvent } from '../eventStore';
import { decodePosition, encodePosition } from '../position';

export function toEsdbEvent(event: EventData): EsdbEventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/** A revision of -1 is what an empty stream reports as its next expectation; ESDB calls it NO_STREAM. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected < 0 ? NO_STREAM : BigInt(expected);
  }
}

export function toPosition(position: EsdbPosition): Position {
  return encodePosition(position.commit, position.prepare);
}

export function toEsdbPosition(position: Position): EsdbPosition {
  return decodePosition(position);
}

/** Streams and event types starting with `$` belong to the server, not to the application. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** `fallbackCommit` is the resolved event's commit position, for servers that omit positions on stream reads. */
export function toRecordedEvent(event: EsdbRecordedEvent, fallbackCommit?: bigint): RecordedEvent {
  const position = event.position ?? (fallbackCommit === undefined ? undefined : { commit: fallbackCommit, prepare: fallbackCommit });
  if (!position) throw new Error(`EventStoreDB returned event ${event.id} without a position (server older than 22.6?)`);
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPosition(position),
    data: decodeJson(event.data) as JsonObject,
    metadata: decodeJson(event.metadata) as EventMetadata,
    created: event.created.toISOString(),
  };
}

/** The client parses JSON events itself; binary payloads (not written by us) are decoded here. */
function decodeJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return JSON.parse(Buffer.from(value).toString('utf8'));
  return value ?? {};
}
