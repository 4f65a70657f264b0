import type { EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';
import { isDomainEvent, toPositionedEvent } from '../recordedEvents';
import type { CorrectRetraction, RetractedEvents } from './retractedEvents';

export interface ProjectLogOptions {
  /** Exclusive start; default: the beginning of the log. */
  after?: Position;
  /** Inclusive end; default: the head as the pages are read. */
  upTo?: Position;
  /** Only these events are applied (a recorded-time view); default all. */
  include?: (event: RecordedEvent) => boolean;
  /** Events read and applied as one batch. */
  pageSize: number;
  /** Each projection is given only the events after its own checkpoint; default: every event read. */
  checkpointOf?: (projection: Projection) => Position | undefined;
  /** Corrects the read models for a retraction of an event they hold (none arise when every retraction is known up front). */
  correct?: CorrectRetraction;
  /** Checked between pages: true stops the reading. */
  stopping?: () => boolean;
  /** Called after each page is applied with its events and the last position read. */
  onPage?: (page: readonly RecordedEvent[], position: Position) => Promise<void> | void;
}

/**
 * Reads the stored log in large pages and applies each to the projections as one batch (a
 * document each batch touches is read and written once per batch, so few large batches go
 * fastest). Returns the last position applied, or `after` when there was nothing to read.
 */
export async function projectLog(
  events: EventStore,
  store: ReadStore,
  projections: readonly Projection[],
  retracted: RetractedEvents,
  options: ProjectLogOptions,
): Promise<Position | undefined> {
  let position = options.after;
  while (options.stopping?.() !== true) {
    const read = await events.readAll({ after: position, maxCount: options.pageSize });
    const page = options.upTo === undefined ? read : read.filter((event) => event.position <= options.upTo!);
    if (page.length > 0) {
      const applied = page.filter((event) => isDomainEvent(event) && (options.include?.(event) ?? true));
      await retracted.apply(applied.map(toPositionedEvent), projections, store, { checkpointOf: options.checkpointOf, correct: options.correct });
      position = page[page.length - 1].position;
      await options.onPage?.(page, position);
    }
    if (page.length < options.pageSize) return position;
  }
  return position;
}
