import type { Decider } from '../../domain/decider';
import type { EventStore } from '../../eventstore/eventStore';
import { liveEvents } from './liveEvents';

/**
 * Folds a stream with a decider's `evolve` (live events only, unless the decider asks for the
 * retracted ones too); revision is -1 when the stream does not exist.
 */
export async function loadAggregate<C, E, S>(store: EventStore, stream: string, decider: Decider<C, E, S>): Promise<{ state: S; revision: number }> {
  const recorded = await store.readStream(stream);
  let state = decider.initialState();
  for (const event of decider.seesRetractedEvents ? recorded : liveEvents(recorded)) {
    // Stored events were produced by this decider's `decide`, so their shape is E.
    const dated = { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate, eventId: event.id } as unknown as E & {
      effectiveDate: string;
    };
    state = decider.evolve(state, dated);
  }
  return { state, revision: recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision };
}
