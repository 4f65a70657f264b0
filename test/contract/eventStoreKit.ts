import { randomUUID } from 'node:crypto';
import type { EventData, EventStore, ExpectedRevision, JsonObject, RecordedEvent } from '../../src/eventstore/eventStore';
import { WrongExpectedVersionError } from '../../src/eventstore/errors';

export type OpenEventStore = () => Promise<EventStore>;

/** Upper bound of any single wait in the contract tests: a bug fails the test instead of hanging it. */
export const WAIT_MS = 5000;

/** A category no other test (or earlier run against a shared server) uses. */
export function uniqueCategory(): string {
  return `t${randomUUID().replace(/-/g, '')}`;
}

export function newEvent(type = 'Happened', data: JsonObject = {}): EventData {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { effectiveDate: '2024-03-01', recordedAt: '2024-03-01T10:00:00.000Z', schemaVersion: 1, actor: 'test' },
  };
}

export function newEvents(count: number, type = 'Happened'): EventData[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index }));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Takes exactly `count` events from a subscription's iterator, failing fast when they do not come. */
export async function take(iterator: AsyncIterator<RecordedEvent>, count: number, ms = WAIT_MS): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const result = await withTimeout(iterator.next(), ms, `event ${taken.length + 1} of ${count}`);
    if (result.done) throw new Error(`subscription ended after ${taken.length} of ${count} events`);
    taken.push(result.value);
  }
  return taken;
}

/**
 * Asserts that no further event arrives within `ms`. The call to `next()` stays pending and is
 * returned (wrapped, so that awaiting this function does not wait for it) to check how it ends.
 */
export async function expectNoMoreWithin(iterator: AsyncIterator<RecordedEvent>, ms: number): Promise<{ pending: Promise<IteratorResult<RecordedEvent>> }> {
  const pending = iterator.next();
  const early = await Promise.race([pending, delay(ms).then(() => undefined)]);
  if (early && !early.done) throw new Error(`unexpected extra event ${early.value.id} at ${early.value.position}`);
  return { pending };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function expectWrongExpectedVersion(
  append: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ stream, expected, actual });
}

export function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}
