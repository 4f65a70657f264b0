import type { PositionedEvent } from '../../src/domain/events';
import type { Filter } from '../../src/readstore/readStore';

/** The latest live event of some categories, as the event index has it. */
export type LatestEvent = { effectiveDate: string; position: string };

/**
 * What a targeted correction recomputes when an event the read models hold is retracted. The
 * projector replays every event of the scope's streams, in log order; before that, each
 * projection forgets the documents only those events made (`Projection.forget`), so that the
 * replay makes them anew without the retracted event, and fixes what it derived from them (a
 * unit's member count from a membership it forgets).
 */
export interface CorrectionScope {
  /** The event retracted. */
  readonly target: PositionedEvent;
  /** The streams replayed, by category: their aggregate ids (`member` → member ids). */
  idsIn(category: string): readonly string[];
  /** The units whose own facts are recomputed: one a retracted unit event is about and every unit ever below it. */
  readonly unitIds: readonly string[];
  /** The positions of every event replayed, retracted ones included. */
  readonly positions: readonly string[];
  /** The latest live event of these categories other than the target (a horizon it may have set). */
  latestLive(categories: readonly string[]): Promise<LatestEvent | undefined>;
}

/** The documents whose `field` is one of `ids`; undefined (nothing to forget) when there are none. */
export function whereIn(field: string, ids: readonly string[]): Filter | undefined {
  return ids.length === 0 ? undefined : { [field]: { $in: [...ids] } };
}
