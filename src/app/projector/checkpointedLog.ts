import type { EventStore } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { LoggedEvent } from '../snapshots/logIdentity';
import type { ProjectionCheckpoints } from './projectionCheckpoints';

/** The collection that names the log the checkpoints are positions in. */
export const CHECKPOINTED_LOG = 'checkpointedLog';

type CheckpointedLogDocument = { _id: 'log'; first: LoggedEvent };

/** The read store's checkpoints are positions in another log: resuming there would be meaningless. */
export class ReadModelsOfAnotherLog extends Error {
  constructor(detail: string) {
    super(
      `the read models were made from another event log (${detail}): point the read store at the log it was made from, or rebuild it from this one (orgtrack rebuild)`,
    );
    this.name = 'ReadModelsOfAnotherLog';
  }
}

/**
 * Checks, before a projector resumes, that the read store's checkpoints are positions in this
 * log: the first event of the log is the one the read store recorded when it first applied it,
 * and no checkpoint is beyond the head. A read store that records none yet (new, or from before
 * this check) records this log's first event. Whether the read store names its log now (false
 * for an empty log: the first batch applied records it).
 */
export async function verifyCheckpointedLog(events: EventStore, store: ReadStore, checkpoints: ProjectionCheckpoints): Promise<boolean> {
  const applied = checkpoints.applied();
  const [first] = await events.readAll({ maxCount: 1 });
  const collection = store.collection<CheckpointedLogDocument>(CHECKPOINTED_LOG);
  const recorded = await collection.findOne({ _id: 'log' });
  if (recorded !== null && (first === undefined || first.id !== recorded.first.id || first.position !== recorded.first.position)) {
    throw new ReadModelsOfAnotherLog(`the log starts with event ${first?.id ?? '(none: it is empty)'}, the read models' log with ${recorded.first.id}`);
  }
  const head = await events.headPosition();
  const highest = checkpoints.highest;
  if (highest !== undefined && (head === undefined || highest > head)) {
    throw new ReadModelsOfAnotherLog(`a checkpoint (${highest}) is beyond the head of the log (${head ?? 'empty'})`);
  }
  if (recorded === null && first !== undefined && (applied.length > 0 || head !== undefined)) await record(store, first);
  return recorded !== null || first !== undefined;
}

/** Records which log the read store's checkpoints are positions in (its first event), once the log has one. */
export async function recordCheckpointedLog(events: EventStore, store: ReadStore): Promise<void> {
  const [first] = await events.readAll({ maxCount: 1 });
  if (first !== undefined) await record(store, first);
}

async function record(store: ReadStore, first: LoggedEvent): Promise<void> {
  await store
    .collection<CheckpointedLogDocument>(CHECKPOINTED_LOG)
    .replaceOne({ _id: 'log' }, { _id: 'log', first: { id: first.id, position: first.position } }, { upsert: true });
}
