import type { Decider } from './decider';

/** An event as every aggregate records it: a PastTense type and its data. */
export type DomainEvent = { type: string; data: object };

/** One key per event type of a union: listing the types this way makes a forgotten one a compile error. */
export type EventTypeSet<E extends DomainEvent> = { readonly [T in E['type']]: true };

/** The event types of a union, from a set that names every one of them. */
export function eventTypesOf<E extends DomainEvent>(set: EventTypeSet<E>): readonly E['type'][] {
  return Object.keys(set);
}

/**
 * One aggregate, defined once (DESIGN.md "Lists are derived"): its stream category, its event
 * types, its stream ids and its decider. Everything that enumerates event types or categories
 * (the event union, the categories the projector reads, type guards, test logs, the seed) is
 * derived from the list of these in `aggregates.ts`.
 */
export interface Aggregate<Command, Event extends DomainEvent, State> {
  /** The text before the first `-` of its stream ids; subscribers filter on it. */
  readonly category: string;
  readonly eventTypes: readonly Event['type'][];
  /** The stream of the aggregate with this id. */
  readonly streamId: (id: string) => string;
  /** The stream an event of this aggregate is recorded in. */
  readonly streamOf: (event: Event) => string;
  readonly decider: Decider<Command, Event, State>;
}

export interface AggregateDefinition<Command, Event extends DomainEvent, State> {
  category: string;
  /** From `eventTypesOf`, beside the event union. */
  eventTypes: readonly Event['type'][];
  streamId: (id: string) => string;
  /** The id (of `streamId`) an event belongs to. */
  idOf: (event: Event) => string;
  decider: Decider<Command, Event, State>;
}

export function defineAggregate<Command, Event extends DomainEvent, State>(
  definition: AggregateDefinition<Command, Event, State>,
): Aggregate<Command, Event, State> {
  const { category, streamId, idOf, decider } = definition;
  if (!streamId('x').startsWith(`${category}-`)) throw new Error(`aggregate ${category}: its stream ids must start with "${category}-"`);
  return { category, eventTypes: definition.eventTypes, streamId, streamOf: (event) => streamId(idOf(event)), decider };
}

/** The event union of an aggregate. */
export type EventOf<A> = A extends Aggregate<infer _Command, infer Event, infer _State> ? Event : never;
