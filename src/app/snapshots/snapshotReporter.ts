import type { RestoreOutcome } from './restoreOutcome';

/** A snapshot written. */
export interface SavedSnapshot {
  file: string;
  /** The lowest checkpoint it holds. */
  position: string;
  documents: number;
  bytes: number;
  /** How long the read models were held still for the copy. */
  copyMs: number;
  /** The whole save, the copy included. */
  ms: number;
  /** What asked for it: enough events, enough time, or the shutdown. */
  trigger: SaveTrigger;
}

export type SaveTrigger = 'events' | 'time' | 'shutdown' | 'rebuild';

/** Hears what the embedded read models' snapshots do (the server logs it); every method is optional. */
export interface SnapshotReporter {
  /** At start, before the projector runs: restored, or why not (and then everything is rebuilt from the log). */
  restored?(outcome: RestoreOutcome): void;
  saved?(saved: SavedSnapshot): void;
  /** A save failed; the read models are not affected, and the next trigger tries again. */
  failed?(error: unknown): void;
}
