import { Conflict } from '../../domain/shared/errors';
import { AppendOutcomeUnknownError } from '../../eventstore/errors';
import type { AppendResult, EventData, EventStore, ExpectedRevision } from '../../eventstore/eventStore';

/** Pauses before appending the same events again after an unknown outcome. */
const RETRY_PAUSES_MS = [50, 200, 800, 2_000];

/** The write's outcome stayed unknown after every retry: the events may be in the log or not. */
export class WriteOutcomeUnknown extends Conflict {
  constructor(stream: string) {
    super(
      'WRITE.OUTCOME_UNKNOWN',
      `The event store did not confirm the write to ${stream}; send the same request again with the same idempotencyKey to learn whether it was recorded`,
    );
  }
}

/**
 * Appends, and when the store cannot say whether it wrote (a deadline, a dropped connection, a
 * leader change) appends the same event ids with the same expectation again: the store's
 * idempotence makes a repeat of a write that happened answer with its original result. Only
 * an exact expectation (a revision, `no_stream`) makes the repeat safe; with `any` a repeat may
 * write the events twice, so those appends are not repeated.
 */
export async function appendSurely(
  store: EventStore,
  stream: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
  /** No attempt starts after this (`performance.now()`): a gate or an idempotency key lets the write land only so late. */
  deadline = Infinity,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.append(stream, events, expected);
    } catch (error) {
      if (!(error instanceof AppendOutcomeUnknownError)) throw error;
      const pause = RETRY_PAUSES_MS[attempt];
      if (expected === 'any' || pause === undefined || performance.now() + pause >= deadline) throw new WriteOutcomeUnknown(stream);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
