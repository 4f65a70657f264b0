import type { Position } from '../../eventstore/eventStore';
import type { LogIdentity, LoggedEvent } from './logIdentity';

/** A projection as it was when its read models were saved. */
export interface SavedProjection {
  name: string;
  version: number;
  /** Its checkpoint; null when it had applied nothing. */
  checkpoint: Position | null;
}

/** What the app saves in a snapshot's header beside the documents: which log, which projections. */
export interface SnapshotMeta {
  log: LogIdentity;
  projections: SavedProjection[];
}

/** The meta of a header read from a file, or undefined when it is not one (another program's, or damaged). */
export function parseSnapshotMeta(value: unknown): SnapshotMeta | undefined {
  if (!isRecord(value) || !isRecord(value.log) || !Array.isArray(value.projections)) return undefined;
  const { first, lowest, highest } = value.log;
  if (!isLoggedEvent(first) || !isLoggedEvent(lowest) || !isLoggedEvent(highest)) return undefined;
  if (!value.projections.every(isSavedProjection)) return undefined;
  return { log: { first, lowest, highest }, projections: value.projections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLoggedEvent(value: unknown): value is LoggedEvent {
  return isRecord(value) && typeof value.id === 'string' && typeof value.position === 'string';
}

function isSavedProjection(value: unknown): value is SavedProjection {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.version === 'number' &&
    (value.checkpoint === null || typeof value.checkpoint === 'string')
  );
}
