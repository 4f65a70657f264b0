import { Presets, SingleBar } from 'cli-progress';
import type { Logger } from 'pino';

/** How far a rebuild of the read models from the log has come. */
export interface RebuildProgress {
  /** `applied`: domain events applied so far. */
  update(applied: number): void;
  stop(): void;
}

const LOG_EVERY_MS = 2000;

/**
 * Events applied of `total` (when the event store can count them) and the rate: a bar on
 * `stream` when it is a terminal, otherwise a log line every two seconds, so that a log file or a
 * container's output is not filled with redraws.
 */
export function startRebuildProgress(total: number | undefined, logger: Logger, stream: NodeJS.WriteStream = process.stderr): RebuildProgress {
  const started = performance.now();
  const rate = (applied: number): number => Math.round(applied / Math.max((performance.now() - started) / 1000, 0.001));
  if (stream.isTTY === true && total !== undefined && total > 0) return barOn(stream, total, rate);
  let last = 0;
  return {
    update(applied) {
      const now = performance.now();
      if (now - last < LOG_EVERY_MS) return;
      last = now;
      logger.info({ applied, total, eventsPerSecond: rate(applied) }, `rebuilding the read models: ${applied}${total === undefined ? '' : `/${total}`} events`);
    },
    stop: () => undefined,
  };
}

function barOn(stream: NodeJS.WriteStream, total: number, rate: (applied: number) => number): RebuildProgress {
  const bar = new SingleBar(
    {
      stream,
      format: 'rebuilding read models [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { rate: 0 });
  return {
    update: (applied) => bar.update(Math.min(applied, total), { rate: rate(applied) }),
    stop() {
      bar.update(total, {});
      bar.stop();
    },
  };
}
