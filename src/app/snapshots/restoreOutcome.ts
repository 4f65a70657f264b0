import type { Position } from '../../eventstore/eventStore';

/** Why the saved read models were not used, in a word (the message says more). */
export type SnapshotRefusal = 'missing' | 'unreadable' | 'format' | 'truncated' | 'corrupt' | 'another-log' | 'beyond-head';

/** How the read models of a start were made: restored from the saved snapshot, or to be rebuilt from the log. */
export type RestoreOutcome =
  | {
      restored: true;
      file: string;
      /** When the snapshot was written. */
      savedAt: string;
      /** The lowest saved checkpoint: the projector replays the log after it. */
      position: Position;
      documents: number;
      bytes: number;
      ms: number;
      /** Projections of another version (and those reading them) dropped, to catch up alone from the start of the log. */
      rebuilt: string[];
    }
  | {
      restored: false;
      file: string;
      reason: SnapshotRefusal;
      /** One line saying why. */
      message: string;
      /** Events the rebuild from the log applies, when the event store can count them. */
      eventsToApply?: number;
    };
