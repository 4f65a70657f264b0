/** When the embedded read models are saved (README "Configuration"). */
export interface SnapshotPolicy {
  /** Save once this many events were applied since the last save (ORGTRACK_SNAPSHOT_EVENTS); 0: not by count. Default 10,000. */
  everyEvents: number;
  /** Save once this many seconds passed since the last save and the read models moved (ORGTRACK_SNAPSHOT_SECONDS); 0: not by time. Default 300. */
  everySeconds: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { everyEvents: 10_000, everySeconds: 300 };

/** The snapshot's file name in the data folder, beside `events.sqlite`. */
export const SNAPSHOT_FILE_NAME = 'read-models.snapshot';
