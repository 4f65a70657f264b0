import type { RecordedEvent } from '../../eventstore/eventStore';

/**
 * A stream's events as the organization now stands by them: without the retracted ones and
 * without the retractions (each sits in the stream of the event it withdraws).
 */
export function liveEvents(recorded: readonly RecordedEvent[]): RecordedEvent[] {
  const retracted = new Set<unknown>();
  for (const event of recorded) if (event.type === 'EventRetracted') retracted.add(event.data.eventId);
  if (retracted.size === 0) return [...recorded];
  return recorded.filter((event) => event.type !== 'EventRetracted' && !retracted.has(event.id));
}
