import type { ExpectedRevision } from './eventStore';

/** The stream's revision differs from what the appender expected (EventStoreDB's WrongExpectedVersion). */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream "${stream}": expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The store may or may not have written the events (a deadline passed, the connection dropped,
 * the leader changed mid-write). Appending the same event ids with the same expectation again
 * is safe: a store that wrote them answers with the original result.
 */
export class AppendOutcomeUnknownError extends Error {
  constructor(
    readonly stream: string,
    cause: unknown,
  ) {
    super(`The append to "${stream}" may or may not have been written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AppendOutcomeUnknownError';
  }
}
