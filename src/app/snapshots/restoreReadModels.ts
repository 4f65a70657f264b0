import fs from 'node:fs';
import type { Projection } from '../../../projections/shared/projection';
import type { EventStore } from '../../eventstore/eventStore';
import { EmbeddedReadStore } from '../../readstore/embedded/embeddedReadStore';
import { SnapshotReader } from '../../readstore/embedded/snapshot/snapshotReader';
import { UnusableSnapshot } from '../../readstore/embedded/snapshot/unusableSnapshot';
import { CHECKPOINTS, ProjectionCheckpoints } from '../projector/projectionCheckpoints';
import { logMismatch } from './logIdentity';
import type { RestoreOutcome, SnapshotRefusal } from './restoreOutcome';
import { parseSnapshotMeta } from './snapshotMeta';
import { staleProjections } from './staleProjections';

export interface RestoredReadModels {
  /** The restored read models; an empty store when the snapshot could not be used. */
  store: EmbeddedReadStore;
  outcome: RestoreOutcome;
}

class Refused extends Error {
  constructor(
    readonly reason: SnapshotRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The embedded read models of the last run, from the snapshot `file`, if it is whole, of this
 * format and of this log; else an empty store to rebuild from the log, with the reason. A
 * projection saved under another version (or added since) has its collections dropped and its
 * checkpoint forgotten, so that the projector rebuilds it alone; the others are kept, and the
 * projector applies only the events after their checkpoints.
 */
export async function restoreReadModels(file: string, events: EventStore, projections: readonly Projection[]): Promise<RestoredReadModels> {
  const started = performance.now();
  let reader: SnapshotReader | undefined;
  try {
    reader = await SnapshotReader.open(file);
    const meta = parseSnapshotMeta(reader.header.meta);
    if (meta === undefined) throw new Refused('corrupt', `${file} has no log identity or projection list in its header`);
    const mismatch = await logMismatch(events, meta.log);
    if (mismatch !== undefined) throw new Refused(mismatch.reason, `${file} is not of this event log: ${mismatch.detail}`);
    const store = new EmbeddedReadStore();
    const { documents } = await reader.readInto(store);
    const stale = staleProjections(projections, meta.projections);
    await forget(store, projections, stale);
    const bytes = (await fs.promises.stat(file)).size;
    return {
      store,
      outcome: {
        restored: true,
        file,
        savedAt: reader.header.savedAt,
        position: meta.log.lowest.position,
        documents,
        bytes,
        ms: performance.now() - started,
        rebuilt: stale.map((projection) => projection.name),
      },
    };
  } catch (error) {
    const { reason, message } = refusalOf(error, file);
    return { store: new EmbeddedReadStore(), outcome: { restored: false, file, reason, message } };
  } finally {
    await reader?.close();
  }
}

/**
 * Drops what a clean rebuild would not have kept: the collections and checkpoints of stale
 * projections (they catch up alone from the start of the log), and those of projections that no
 * longer exist.
 */
async function forget(store: EmbeddedReadStore, projections: readonly Projection[], stale: readonly Projection[]): Promise<void> {
  const owned = new Set([CHECKPOINTS, ...projections.flatMap((projection) => projection.collections)]);
  for (const name of await store.listCollections()) if (!owned.has(name)) await store.collection(name).drop();
  const names = projections.map((projection) => projection.name);
  await store.collection(CHECKPOINTS).deleteMany({ _id: { $nin: names } });
  for (const projection of stale) for (const collection of projection.collections) await store.collection(collection).drop();
  const checkpoints = await ProjectionCheckpoints.load(store, names);
  await checkpoints.reset(
    store,
    stale.map((projection) => projection.name),
  );
}

function refusalOf(error: unknown, file: string): { reason: SnapshotRefusal; message: string } {
  if (error instanceof UnusableSnapshot || error instanceof Refused) return { reason: error.reason, message: error.message };
  // A document that breaks a unique index, a value v8 cannot read: the file is not what was written.
  return { reason: 'corrupt', message: `${file} could not be restored: ${error instanceof Error ? error.message : String(error)}` };
}
