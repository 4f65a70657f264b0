import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** One bar on stderr: commands done of the plan's total. Draws nothing when stderr is not a terminal. */
export function startProgress(total: number): Progress {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'seeding [{bar}] {percentage}% | {value}/{total} commands | {duration_formatted} elapsed, {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 500,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
