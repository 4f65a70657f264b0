import { DOMAIN_CATEGORIES } from '../domain/aggregates';
import type { OrgEvent, PositionedEvent } from '../domain/events';
import type { RecordedEvent } from '../eventstore/eventStore';
import { streamCategory } from '../eventstore/eventStore';

/** Whether an event belongs to the organization's history (its stream is of a domain category), not to bookkeeping such as API keys. */
export function isDomainEvent(event: Pick<RecordedEvent, 'stream'>): boolean {
  return DOMAIN_CATEGORIES.includes(streamCategory(event.stream));
}

/** The domain view of a stored event. Event data was validated when it was decided. */
export function toPositionedEvent(event: RecordedEvent): PositionedEvent {
  const { metadata } = event;
  const positioned: Record<string, unknown> = {
    type: event.type,
    data: event.data,
    id: event.id,
    stream: event.stream,
    position: event.position,
    revision: event.revision,
    effectiveDate: metadata.effectiveDate,
    recordedAt: metadata.recordedAt,
  };
  // Set after, not spread in: this runs for every event of every batch.
  if (metadata.actor !== undefined) positioned.actor = metadata.actor;
  if (typeof metadata.actorSubject === 'string') positioned.actorSubject = metadata.actorSubject;
  return positioned as unknown as PositionedEvent<OrgEvent>;
}
