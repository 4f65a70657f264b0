import type { OrgEventType, PositionedEvent } from '../../src/domain/events';
import type { ReadStore } from '../../src/readstore/readStore';
import type { CorrectionScope } from './correctionScope';

/**
 * A read model: the collections it owns and how a batch of events (in log order) changes them.
 * `apply` must be idempotent per event: every document it writes remembers the position of the
 * last event applied to it, and an event at or before that position changes nothing.
 */
export interface Projection {
  readonly name: string;
  /**
   * What it writes, as a number; default 1. Bump it whenever a change of its code changes the
   * documents it makes from the same events: a saved copy of the read models (the embedded
   * default's snapshot) made by another version is then rebuilt for this projection alone.
   */
  readonly version?: number;
  readonly collections: readonly string[];
  /** The event types whose events change its documents; it ignores the others. */
  readonly handles: readonly OrgEventType[];
  /**
   * Collections of other projections it reads while applying a batch: those come before it in
   * `allProjections`, so that it sees what they made of the same batch.
   */
  readonly reads?: readonly string[];
  /**
   * Sees every event of the log, retracted ones and the retractions included (the event index).
   * Every other projection sees only live events: a retracted event as if never recorded.
   */
  readonly seesRetractedEvents?: true;
  /** Creates the indexes its queries need. Safe to call again. */
  setup(store: ReadStore): Promise<void>;
  apply(events: readonly PositionedEvent[], store: ReadStore): Promise<void>;
  /**
   * Before a targeted correction replays the scope's events: removes the documents only those
   * events made (or marks them for the replay to rewrite in place, when the projection derives
   * its changes from what is stored), and fixes what was derived from them, so that the replay
   * (without the retracted event) leaves the documents a rebuild from the whole log would.
   */
  forget(scope: CorrectionScope, store: ReadStore): Promise<void>;
  /** After the replay: fixes documents outside the scope that the retracted event changed (the event index's ancestors after a move); optional. */
  settle?(scope: CorrectionScope, store: ReadStore): Promise<void>;
}

/** The version a projection declares, 1 when it declares none. */
export function projectionVersion(projection: Projection): number {
  return projection.version ?? 1;
}
