import type { Random } from './random';

/**
 * Splits `total` into `weights.length` whole parts, roughly in proportion to the weights, each
 * at least `minimum` when the total allows it. The parts always sum to `total`.
 */
export function spread(random: Random, total: number, weights: readonly number[], minimum = 0): number[] {
  const buckets = weights.length;
  if (buckets === 0) return [];
  const floor = Math.min(minimum, Math.floor(total / buckets));
  const counts = weights.map(() => floor);
  const rest = total - floor * buckets;
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  weights.forEach((weight, index) => {
    counts[index] += Math.floor((rest * weight) / sum);
  });
  const choices = weights.map((weight, index) => [index, weight] as const);
  for (let left = total - counts.reduce((acc, count) => acc + count, 0); left > 0; left--) {
    counts[random.weighted(choices)] += 1;
  }
  return counts;
}

/** Random weights in [low, high): how unevenly things are spread. */
export function randomWeights(random: Random, count: number, low = 0.4, high = 2): number[] {
  return Array.from({ length: count }, () => low + random.next() * (high - low));
}
