import type { AppendResult, EventData, ExpectedRevision } from '../eventStore';
import { streamCategory } from '../eventStore';
import { WrongExpectedVersionError } from '../errors';
import { encodePosition } from '../position';
import { EventIdConflictError } from './errors';
import type { StoredEventRef, Statements } from './statements';

export interface AppendRequest {
  stream: string;
  events: readonly EventData[];
  expectedRevision: ExpectedRevision;
}

/** -1 stands for "no stream", as in EventStoreDB's wire protocol. */
const NO_STREAM = -1;

/**
 * An insert met an event id that is already stored: the append is a repeat (or a conflict).
 * Thrown out of the append's savepoint so that its partial writes are undone; the caller then
 * answers with `repeatOfStoredAppend`, which writes nothing.
 */
export class StoredEventIdSignal extends Error {}

/**
 * Checks and writes one append inside the caller's transaction, following EventStoreDB:
 * an exact repeat of an earlier append returns that append's result and writes nothing.
 * Throws before inserting anything when the expectation fails. New ids are the common case,
 * so a stored id is found by the insert's unique constraint rather than looked up first.
 */
export function appendToStream(statements: Statements, request: AppendRequest, created: string): AppendResult {
  const { stream, events, expectedRevision } = request;
  rejectIdsRepeatedWithin(request);
  const last = statements.lastOfStream.get(stream);
  const current = last?.revision ?? NO_STREAM;

  if (!expectationHolds(expectedRevision, current)) {
    const stored = findStored(statements, request);
    if (stored) return repeatedAppend(request, stored, current);
    throw wrongExpectedVersion(stream, expectedRevision, current);
  }
  if (events.length === 0) {
    return { nextExpectedRevision: current, position: encodePosition(BigInt(last?.seq ?? 0)) };
  }
  let seq = 0;
  events.forEach((event, index) => {
    try {
      const result = statements.insert.run({
        id: event.id,
        stream,
        revision: current + 1 + index,
        category: streamCategory(stream),
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        created,
      });
      seq = Number(result.lastInsertRowid);
    } catch (error) {
      if (isStoredIdError(error)) throw new StoredEventIdSignal();
      throw error;
    }
  });
  return { nextExpectedRevision: current + events.length, position: encodePosition(BigInt(seq)) };
}

/** The answer to an append some of whose ids are stored: the original result, or a refusal. */
export function repeatOfStoredAppend(statements: Statements, request: AppendRequest): AppendResult {
  const current = statements.lastOfStream.get(request.stream)?.revision ?? NO_STREAM;
  const stored = findStored(statements, request);
  if (!stored) throw new Error(`Stream "${request.stream}": an event id was reported stored but is not`);
  return repeatedAppend(request, stored, current);
}

/**
 * Recognised by its code and message, not by class: the native module keeps the error class of
 * the first context that loaded it (a test runner may load the library again in another).
 */
function isStoredIdError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}

function rejectIdsRepeatedWithin({ stream, events }: AppendRequest): void {
  if (events.length < 2) return;
  const ids = new Set<string>();
  for (const event of events) {
    if (ids.has(event.id)) throw new EventIdConflictError(stream, event.id, 'occurs twice in the same append');
    ids.add(event.id);
  }
}

/** The stored events carrying the request's ids (undefined where new), or undefined when all are new. */
function findStored(statements: Statements, { events }: AppendRequest): (StoredEventRef | undefined)[] | undefined {
  const stored = events.map((event) => statements.eventById.get(event.id));
  return stored.some((ref) => ref !== undefined) ? stored : undefined;
}

function repeatedAppend(request: AppendRequest, stored: (StoredEventRef | undefined)[], current: number): AppendResult {
  const { stream, events, expectedRevision } = request;
  const first = stored[0];
  const isRun = first !== undefined && stored.every((ref, index) => ref !== undefined && ref.stream === stream && ref.revision === first.revision + index);
  const lastRef = stored[stored.length - 1];
  if (isRun && lastRef && consistentWithRevisionBefore(expectedRevision, first.revision - 1)) {
    return { nextExpectedRevision: lastRef.revision, position: encodePosition(BigInt(lastRef.seq)) };
  }
  const firstIsOurs = first !== undefined && first.stream === stream;
  if (!firstIsOurs && !expectationHolds(expectedRevision, current)) {
    throw wrongExpectedVersion(stream, expectedRevision, current);
  }
  const index = stored.findIndex((ref) => ref !== undefined);
  const ref = stored[index];
  const where = ref ? `stream "${ref.stream}" at revision ${ref.revision}` : 'the log';
  throw new EventIdConflictError(stream, events[index]?.id ?? '', `is already stored in ${where}; a retry must repeat the original append exactly`);
}

function expectationHolds(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM;
    case 'stream_exists':
      return current !== NO_STREAM;
    default:
      return expected === current;
  }
}

/** Would `expected` have accepted the original append, made when the stream stood at `before`? */
function consistentWithRevisionBefore(expected: ExpectedRevision, before: number): boolean {
  switch (expected) {
    case 'any':
    case 'stream_exists':
      return true;
    case 'no_stream':
      return before === NO_STREAM;
    default:
      return expected === before;
  }
}

function wrongExpectedVersion(stream: string, expected: ExpectedRevision, current: number): WrongExpectedVersionError {
  return new WrongExpectedVersionError(stream, expected, current === NO_STREAM ? 'no_stream' : current);
}
