import type { OrgEvent, OrgEventType, PositionedEvent } from '../../src/domain/events';

/** A positioned event of one of the types `T`. */
export type EventOfType<T extends OrgEventType> = PositionedEvent<Extract<OrgEvent, { type: T }>>;

/** The type guard of the events of these types (the types a projection handles). */
export function isOneOf<T extends OrgEventType>(types: readonly T[]): (event: PositionedEvent) => event is EventOfType<T> {
  const handled: ReadonlySet<string> = new Set(types);
  return (event): event is EventOfType<T> => handled.has(event.type);
}
