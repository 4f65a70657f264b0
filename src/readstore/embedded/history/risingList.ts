/** The first index of a rising list whose value is above `value` (or, `inclusive`, at or above it); the length when none is. */
export function firstIndexAbove(rising: readonly number[], value: number, inclusive = false): number {
  let low = 0;
  let high = rising.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rising[middle] < value || (!inclusive && rising[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}
