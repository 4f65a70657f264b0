import type { Interval } from './temporal';
import type { MemberCountStep } from './unitMemberCounts.documents';

/**
 * The member count of a unit over time from the intervals of its memberships: +1 where one
 * starts, -1 where one ends, summed per date; a date that leaves the count as it was (a member
 * moving between two groups of a branch that day) makes no step. Empty intervals count nothing.
 */
export function memberCountSteps(intervals: readonly Interval[]): MemberCountStep[] {
  const deltas = new Map<string, number>();
  for (const { validFrom, validTo } of intervals) {
    if (validTo !== null && validTo <= validFrom) continue;
    deltas.set(validFrom, (deltas.get(validFrom) ?? 0) + 1);
    if (validTo !== null) deltas.set(validTo, (deltas.get(validTo) ?? 0) - 1);
  }
  const steps: MemberCountStep[] = [];
  let count = 0;
  for (const from of [...deltas.keys()].sort()) {
    const next = count + deltas.get(from)!;
    if (next !== count) steps.push({ from, count: next });
    count = next;
  }
  return steps;
}

/** The count in force on `date` (YYYY-MM-DD): that of the last step starting on or before it. */
export function countOn(steps: readonly MemberCountStep[], date: string): number {
  let low = 0;
  let high = steps.length; // steps[0..low) start on or before `date`, steps[high..) after it
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle]!.from <= date) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : steps[low - 1]!.count;
}
