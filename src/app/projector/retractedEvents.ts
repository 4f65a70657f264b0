import type { PositionedEvent } from '../../domain/events';
import type { EventRetracted } from '../../domain/corrections/retraction.events';
import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';

const RETRACTION_FILTER = { types: ['EventRetracted'] } as const;

export type Retraction = PositionedEvent<EventRetracted>;

/** Corrects the read models in place for a retraction of an event they already hold. */
export type CorrectRetraction = (retraction: Retraction) => Promise<void>;

/**
 * The events the projector skips because a retraction of them is already known: known before
 * the event itself is reached, so the read models never take it in. A retraction of an event
 * the read models already hold is handed to the corrector (a targeted correction) before the
 * retraction itself is applied.
 */
export class RetractedEvents {
  private constructor(private readonly ids: Set<string>) {}

  static none(): RetractedEvents {
    return new RetractedEvents(new Set());
  }

  /** The targets of the retractions among `events` (the retractions of some streams read whole). */
  static among(events: readonly PositionedEvent[]): RetractedEvents {
    return new RetractedEvents(new Set(events.flatMap((event) => (event.type === 'EventRetracted' ? [event.data.eventId] : []))));
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

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  /** No longer skips these events: the read models hold them, and their retractions are corrections when reached. */
  unknow(eventIds: Iterable<string>): void {
    for (const id of eventIds) this.ids.delete(id);
  }

  /**
   * Applies a batch: the live events to every projection, all of them to those that see
   * retractions; each projection only those after its own checkpoint (`checkpointOf`, default
   * none). A retraction of an event before the batch that was not known to be retracted when
   * it was reached (one the read models took in) is a correction: the events before it are
   * applied, then `correct`, then the retraction and the rest. Events of the batch retracted
   * later in the same batch are simply skipped.
   */
  async apply(
    batch: readonly PositionedEvent[],
    projections: readonly Projection[],
    store: ReadStore,
    options: { checkpointOf?: (projection: Projection) => Position | undefined; correct?: CorrectRetraction } = {},
  ): Promise<void> {
    for (const part of this.split(batch)) {
      if ('events' in part) await this.applyLive(part.events, projections, store, options.checkpointOf);
      else if (options.correct === undefined)
        throw new Error(`A retraction of ${part.correction.data.eventId}, an event already applied, reached read models that cannot be corrected`);
      else await options.correct(part.correction);
    }
  }

  /** The batch cut before each retraction of an event applied before it; the targets of all its retractions are known from here on. */
  private split(batch: readonly PositionedEvent[]): ({ events: readonly PositionedEvent[] } | { correction: Retraction })[] {
    const parts: ({ events: readonly PositionedEvent[] } | { correction: Retraction })[] = [];
    // The events of the batch since the last correction: a correction replays whole streams up to
    // its retraction, so an event of the batch before it may be applied by then, even one a later
    // retraction of the batch withdraws; that retraction is a correction too.
    const seen = new Set<string>();
    let start = 0;
    batch.forEach((event, at) => {
      if (event.type === 'EventRetracted' && !this.ids.has(event.data.eventId)) {
        if (!seen.has(event.data.eventId)) {
          if (at > start) parts.push({ events: batch.slice(start, at) });
          parts.push({ correction: event });
          start = at;
          seen.clear();
        }
        this.ids.add(event.data.eventId);
      }
      seen.add(event.id);
    });
    if (start < batch.length) parts.push({ events: start === 0 ? batch : batch.slice(start) });
    return parts;
  }

  private async applyLive(
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
