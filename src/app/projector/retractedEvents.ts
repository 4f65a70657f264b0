import type { PositionedEvent } from '../../domain/events';
import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';

const RETRACTION_FILTER = { types: ['EventRetracted'] } as const;

/**
 * The events the projector skips because a retraction of them is already in the log: known
 * before the event itself is reached, so the read models never take it in. A retraction of an
 * event the read models already hold cannot be applied forwards: the read models are rebuilt.
 */
export class RetractedEvents {
  private constructor(private readonly ids: Set<string>) {}

  static none(): RetractedEvents {
    return new RetractedEvents(new Set());
  }

  /**
   * The targets of the retractions in the log after `after` and up to `upTo` (both optional),
   * of those `include` accepts (default all).
   */
  static async inLog(
    store: EventStore,
    range: { after?: Position; upTo?: Position; include?: (event: RecordedEvent) => boolean } = {},
  ): Promise<RetractedEvents> {
    const ids = new Set<string>();
    for (const retraction of await store.readAll({ after: range.after, filter: RETRACTION_FILTER })) {
      if (range.upTo !== undefined && retraction.position > range.upTo) break;
      if (range.include !== undefined && !range.include(retraction)) continue;
      ids.add(String(retraction.data.eventId));
    }
    return new RetractedEvents(ids);
  }

  /**
   * Whether the batch retracts an event the read models already took in (one before the batch
   * that was not known to be retracted when it was reached). Events of the batch retracted
   * later in the same batch are simply skipped.
   */
  needsRebuild(batch: readonly PositionedEvent[]): boolean {
    const seen = new Set<string>();
    for (const event of batch) {
      if (event.type === 'EventRetracted' && !this.ids.has(event.data.eventId)) {
        if (!seen.has(event.data.eventId)) return true;
        this.ids.add(event.data.eventId);
      }
      seen.add(event.id);
    }
    return false;
  }

  /**
   * Applies a batch: the live events to every projection, all of them to those that see
   * retractions; each projection only those after its own checkpoint (`checkpointOf`, default none).
   */
  async apply(
    batch: readonly PositionedEvent[],
    projections: readonly Projection[],
    store: ReadStore,
    checkpointOf: (projection: Projection) => Position | undefined = () => undefined,
  ): Promise<void> {
    const live = batch.filter((event) => event.type !== 'EventRetracted' && !this.ids.has(event.id));
    for (const projection of projections) {
      const events = after(projection.seesRetractedEvents ? batch : live, checkpointOf(projection));
      if (events.length > 0) await projection.apply(events, store);
    }
  }
}

/** The events (in log order) after `checkpoint`. */
function after(events: readonly PositionedEvent[], checkpoint: Position | undefined): readonly PositionedEvent[] {
  if (checkpoint === undefined || events.length === 0 || events[0].position > checkpoint) return events;
  return events.filter((event) => event.position > checkpoint);
}
