import type { PositionedEvent } from '../../../src/domain/events';
import type { EventStore, JsonObject } from '../../../src/eventstore/eventStore';

/** Appends the events of an `EventLog` to an event store, in order, each in its own stream. */
export async function storeLog(store: EventStore, events: readonly PositionedEvent[]): Promise<void> {
  for (const event of events) {
    const { effectiveDate, recordedAt } = event;
    await store.append(
      event.stream,
      [{ id: event.id, type: event.type, data: event.data as JsonObject, metadata: { effectiveDate, recordedAt, schemaVersion: 1 } }],
      'any',
    );
  }
}
