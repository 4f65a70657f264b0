import { DOMAIN_CATEGORIES } from '../domain/aggregates';
import type { OrgEvent, PositionedEvent } from '../domain/events';
import type { RecordedEvent } from '../eventstore/eventStore';
import { streamCategory } from '../eventstore/eventStore';

export function isDomainEvent(event: RecordedEvent): boolean {
  return DOMAIN_CATEGORIES.includes(streamCategory(event.stream));
}

/** The domain view of a stored event. Event data was validated when it was decided. */
export function toPositionedEvent(event: RecordedEvent): PositionedEvent {
  return {
    type: event.type,
    data: event.data,
    id: event.id,
    stream: event.stream,
    position: event.position,
    revision: event.revision,
    effectiveDate: event.metadata.effectiveDate,
    recordedAt: event.metadata.recordedAt,
    ...(event.metadata.actor === undefined ? {} : { actor: event.metadata.actor }),
    ...(typeof event.metadata.actorSubject === 'string' ? { actorSubject: event.metadata.actorSubject } : {}),
  } as PositionedEvent<OrgEvent>;
}
