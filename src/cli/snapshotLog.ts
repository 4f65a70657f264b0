import type { Logger } from 'pino';
import type { RestoreOutcome } from '../app/snapshots/restoreOutcome';
import type { SnapshotReporter } from '../app/snapshots/snapshotReporter';

/** Logs what the read models' snapshot does, one line each; `restored` is also told how the start goes on. */
export function snapshotLog(logger: Logger, restored: (outcome: RestoreOutcome) => void = () => undefined): SnapshotReporter {
  return {
    restored(outcome) {
      if (outcome.restored) {
        const rebuilt = outcome.rebuilt.length === 0 ? '' : `; rebuilding ${outcome.rebuilt.join(', ')} (another projection version) from the log`;
        logger.info(
          {
            file: outcome.file,
            savedAt: outcome.savedAt,
            position: outcome.position,
            documents: outcome.documents,
            bytes: outcome.bytes,
            ms: Math.round(outcome.ms),
            rebuilt: outcome.rebuilt,
          },
          `read models restored from ${outcome.file} (saved ${outcome.savedAt}) in ${Math.round(outcome.ms)} ms; applying the events after them${rebuilt}`,
        );
      } else if (outcome.reason === 'missing') {
        logger.info({ file: outcome.file, reason: outcome.reason }, `no read-model snapshot at ${outcome.file}: rebuilding the read models from the event log`);
      } else {
        logger.warn(
          { file: outcome.file, reason: outcome.reason },
          `read-model snapshot not used (${outcome.reason}): ${outcome.message}; rebuilding the read models from the event log`,
        );
      }
      restored(outcome);
    },
    saved(saved) {
      logger.info(
        {
          file: saved.file,
          trigger: saved.trigger,
          position: saved.position,
          documents: saved.documents,
          bytes: saved.bytes,
          copyMs: round(saved.copyMs),
          ms: Math.round(saved.ms),
        },
        'read models saved',
      );
    },
    failed(error) {
      logger.error({ err: error }, 'saving the read models failed; they are kept in memory, and the next save tries again');
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
