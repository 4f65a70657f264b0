import { performance } from 'node:perf_hooks';

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const now = (): number => performance.now();

/** The p-th percentile (0..100) of ascending-sorted values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Runs `fn` and returns how long it took, in ms. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = now();
  await fn();
  return now() - start;
}

/** Throughput accumulated over several interleaved rounds: total operations / total time. */
export class Rate {
  private ops = 0;
  private ms = 0;

  add(ops: number, ms: number): void {
    this.ops += ops;
    this.ms += ms;
  }

  get perSecond(): number {
    return this.ms === 0 ? Number.NaN : (this.ops * 1000) / this.ms;
  }

  get operations(): number {
    return this.ops;
  }
}

/** Today minus `years` years, as YYYY-MM-DD (UTC). */
export function yearsAgo(years: number, from = new Date()): string {
  const date = new Date(Date.UTC(from.getUTCFullYear() - years, from.getUTCMonth(), Math.min(from.getUTCDate(), 28)));
  return date.toISOString().slice(0, 10);
}
