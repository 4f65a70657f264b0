import type { Dated, Decider } from '../../domain/decider';
import type { EventStore } from '../../eventstore/eventStore';
import { liveEvents } from './liveEvents';

/**
 * A stream's events as its decider folds them (live events only, unless the decider asks for the
 * retracted ones too), each with its effective date and recorded id; revision is -1 when the
 * stream does not exist. The one place where stored events become an aggregate's events.
 */
export async function readAggregateEvents<C, E, S>(
  store: EventStore,
  stream: string,
  decider: Decider<C, E, S>,
): Promise<{ events: Dated<E>[]; revision: number }> {
  const recorded = await store.readStream(stream);
  const events = (decider.seesRetractedEvents ? recorded : liveEvents(recorded)).map(
    // Stored events were produced by this decider's `decide`, so their shape is E.
    (event) => ({ type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate, eventId: event.id }) as unknown as Dated<E>,
  );
  return { events, revision: recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision };
}

/** Folds a stream with its decider's `evolve`; revision is -1 when the stream does not exist. */
export async function loadAggregate<C, E, S>(store: EventStore, stream: string, decider: Decider<C, E, S>): Promise<{ state: S; revision: number }> {
  const { events, revision } = await readAggregateEvents(store, stream, decider);
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return { state, revision };
}
