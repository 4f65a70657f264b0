import type { Logger } from 'pino';
import type { Config } from '../app/config';
import { LEASE_TTL_MS, leaseHolder, openEventStore, openReadStore, snapshotFile } from '../app/orgtrackApp';
import { ProjectorLease } from '../app/projector/projectorLease';
import { Projector } from '../app/projector/projector';
import { ReadModelSnapshots } from '../app/snapshots/readModelSnapshots';
import { restoreReadModels } from '../app/snapshots/restoreReadModels';
import { snapshotLog } from './snapshotLog';
import { allProjections } from '../../projections';

/** `orgtrack rebuild <projection>` named no projection there is. */
export class UnknownProjectionError extends Error {
  constructor(name: string) {
    super(`there is no projection "${name}"; the projections are: ${allProjections.map((projection) => projection.name).join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

/**
 * `orgtrack rebuild [projection]`. Without a name: replays the whole log into fresh read models
 * and swaps them in; a running server keeps answering from the old read models until the swap.
 * With one: drops that projection's collections, resets its checkpoint and catches it up alone;
 * the other read models are not re-applied, and one it reads is read as it stands. Needed for a
 * MongoDB read store after a projection changed. On the embedded default, the snapshot in the
 * data folder is what is rebuilt (restored first, saved after): stop the server first, or its
 * shutdown overwrites it.
 */
export async function rebuild(config: Config, logger: Logger, projection?: string): Promise<void> {
  if (projection !== undefined && !allProjections.some((candidate) => candidate.name === projection)) throw new UnknownProjectionError(projection);
  const events = await openEventStore(config);
  const snapshotted = !config.mongoUrl && config.snapshots.enabled;
  const restored = snapshotted ? await restoreReadModels(snapshotFile(config), events, allProjections) : undefined;
  if (restored !== undefined) snapshotLog(logger).restored?.(restored.outcome);
  const readStore = restored?.store ?? (await openReadStore(config));
  // A shared (MongoDB) read store is rebuilt by the holder of its lease: this process takes it, or stops.
  const lease = config.mongoUrl ? new ProjectorLease(readStore, { holder: leaseHolder(), ttlMs: LEASE_TTL_MS }) : undefined;
  const projector = new Projector(events, readStore, allProjections, { lease });
  try {
    const started = process.hrtime.bigint();
    await projector.start();
    if (lease !== undefined) await leading(projector);
    if (projection === undefined) await projector.rebuildAll();
    else await projector.rebuildProjections([projection]);
    if (restored !== undefined) {
      const snapshots = new ReadModelSnapshots({
        file: snapshotFile(config),
        store: restored.store,
        events,
        projector,
        projections: allProjections,
        policy: config.snapshots,
        reporter: snapshotLog(logger),
        restored: restored.outcome,
      });
      await snapshots.save('rebuild');
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const what = projection === undefined ? 'read models' : `projection ${projection}`;
    logger.info({ projection, position: projector.position, seconds: Number(seconds.toFixed(1)) }, `${what} rebuilt from the log in ${seconds.toFixed(1)} s`);
  } finally {
    await projector.stop();
    await events.close();
    await readStore.close();
  }
}

/** Waits until the projector holds the lease (an instance that stopped frees it within its ttl). */
async function leading(projector: Projector): Promise<void> {
  const giveUpAt = Date.now() + LEASE_TTL_MS + 5_000;
  while (!projector.isLeader) {
    if (Date.now() > giveUpAt) {
      throw new LeaseHeldElsewhere();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Another instance projects into this read store: a rebuild here would race it. */
export class LeaseHeldElsewhere extends Error {
  constructor() {
    super('another instance holds the projector lease of this read store: stop the running servers (or run the rebuild on the one holding it) and try again');
    this.name = 'LeaseHeldElsewhere';
  }
}
