import { projectionVersion, type Projection } from '../../../projections/shared/projection';
import type { EventStore, Position } from '../../eventstore/eventStore';
import type { CollectionCopy } from '../../readstore/embedded/collectionCopy';
import type { EmbeddedReadStore } from '../../readstore/embedded/embeddedReadStore';
import { writeSnapshot } from '../../readstore/embedded/snapshot/snapshotWriter';
import { CHECKPOINTS } from '../projector/projectionCheckpoints';
import type { Projector } from '../projector/projector';
import { logIdentity } from './logIdentity';
import type { RestoreOutcome } from './restoreOutcome';
import type { SnapshotMeta } from './snapshotMeta';
import type { SnapshotPolicy } from './snapshotPolicy';
import type { SaveTrigger, SavedSnapshot, SnapshotReporter } from './snapshotReporter';

export interface ReadModelSnapshotsParts {
  file: string;
  store: EmbeddedReadStore;
  events: EventStore;
  projector: Projector;
  projections: readonly Projection[];
  policy: SnapshotPolicy;
  reporter?: SnapshotReporter;
  /** How the read models of this start were made. */
  restored: RestoreOutcome;
}

/**
 * Keeps the snapshot of the embedded read models up to date: saved in the background once the
 * read models have moved on by `everyEvents` events or `everySeconds` seconds, and at shutdown.
 * A save takes a copy of every collection between two projector batches (synchronously: the
 * stored documents are shared, not cloned, since writes replace them), then writes it out while
 * the projector goes on. Saves never overlap: a trigger during one is left to the next.
 */
export class ReadModelSnapshots {
  private saving: Promise<SavedSnapshot | undefined> | undefined;
  private savedPosition: Position | undefined;
  private savedApplied = 0;
  private dirty: boolean;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => void) | undefined;

  constructor(private readonly parts: ReadModelSnapshotsParts) {
    // Restored with nothing rebuilt, the store holds what the file does: nothing to save until it moves.
    const savedAlready = parts.restored.restored && parts.restored.rebuilt.length === 0;
    this.dirty = !savedAlready;
    this.savedPosition = savedAlready ? parts.projector.position : undefined;
    // Counted from here: a rebuild from the log that follows counts in full, so it is saved once done.
    this.savedApplied = parts.projector.eventsApplied;
  }

  /** How the read models of this start were made: restored from the snapshot, or rebuilt from the log (and why). */
  get restored(): RestoreOutcome {
    return this.parts.restored;
  }

  start(): void {
    const { projector, policy } = this.parts;
    this.unlisten = projector.onApplied(() => {
      this.dirty = true;
      if (policy.everyEvents > 0 && projector.eventsApplied - this.savedApplied >= policy.everyEvents) this.trigger('events');
    });
    this.scheduleTimeSave();
  }

  /** Saves now (after a save in progress, if any); undefined when nothing was applied yet, so there is nothing to save. */
  async save(trigger: SaveTrigger): Promise<SavedSnapshot | undefined> {
    while (this.saving !== undefined) await this.saving.catch(() => undefined);
    const saving = this.saveNow(trigger);
    this.saving = saving;
    try {
      return await saving;
    } finally {
      this.saving = undefined;
      this.scheduleTimeSave();
    }
  }

  /** Stops the triggers, lets a save in progress end, and saves once more if the read models moved since. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unlisten?.();
    await this.saving?.catch(() => undefined);
    if (!this.moved()) return;
    try {
      await this.save('shutdown');
    } catch (error) {
      this.parts.reporter?.failed?.(error);
    }
  }

  /** `everySeconds` after the last save (or the start): a save then if the read models moved; the timer starts again after any save. */
  private scheduleTimeSave(): void {
    clearTimeout(this.timer);
    const { everySeconds } = this.parts.policy;
    if (this.stopped || everySeconds <= 0) return;
    this.timer = setTimeout(() => {
      if (this.moved()) this.trigger('time');
      else this.scheduleTimeSave();
    }, everySeconds * 1000);
    this.timer.unref();
  }

  private moved(): boolean {
    return this.dirty || this.parts.projector.position !== this.savedPosition;
  }

  private trigger(trigger: SaveTrigger): void {
    if (this.stopped || this.saving !== undefined) return;
    this.save(trigger).catch((error: unknown) => this.parts.reporter?.failed?.(error));
  }

  private async saveNow(trigger: SaveTrigger): Promise<SavedSnapshot | undefined> {
    const { projector, store, file, events, projections, reporter } = this.parts;
    const started = performance.now();
    const taken = await projector.whileIdle(() => {
      const copyStarted = performance.now();
      const collections = store.copy();
      return { collections, applied: projector.eventsApplied, position: projector.position, copyMs: performance.now() - copyStarted };
    });
    const meta = await snapshotMeta(events, projections, taken.collections);
    if (meta === undefined) return undefined;
    const written = await writeSnapshot(file, meta, taken.collections);
    this.savedApplied = taken.applied;
    this.savedPosition = taken.position;
    // Events applied after the copy (while it was written) make the next save due.
    this.dirty = projector.eventsApplied !== taken.applied;
    const saved: SavedSnapshot = {
      file,
      position: meta.log.lowest.position,
      documents: written.documents,
      bytes: written.bytes,
      copyMs: taken.copyMs,
      ms: performance.now() - started,
      trigger,
    };
    reporter?.saved?.(saved);
    return saved;
  }
}

/** The header's meta for a copy: each projection's version and checkpoint (from the copied checkpoints), and the log they are of. */
async function snapshotMeta(events: EventStore, projections: readonly Projection[], collections: readonly CollectionCopy[]): Promise<SnapshotMeta | undefined> {
  const stored = collections.find((collection) => collection.name === CHECKPOINTS)?.documents ?? [];
  const checkpoints = new Map(stored.map((checkpoint) => [checkpoint._id, typeof checkpoint.position === 'string' ? checkpoint.position : null]));
  const saved = projections.map((projection) => ({
    name: projection.name,
    version: projectionVersion(projection),
    checkpoint: checkpoints.get(projection.name) ?? null,
  }));
  const log = await logIdentity(
    events,
    saved.flatMap((projection) => (projection.checkpoint === null ? [] : [projection.checkpoint])),
  );
  return log === undefined ? undefined : { log, projections: saved };
}
