import { isPlainObject } from './values';

/**
 * Whether two values are the same in every way MongoDB can see, key order included: exactly
 * when their `exactKey`s are equal, but without building the two strings. A replacement equal
 * to the stored document modifies nothing.
 */
export function exactlyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const type = typeof a;
  if (type !== typeof b) return false;
  switch (type) {
    case 'number':
      // `exactKey` writes numbers with String(): NaN equals NaN (and -0 equals 0, as === says).
      return Number.isNaN(a) && Number.isNaN(b);
    case 'function':
    case 'symbol':
      return String(a) === String(b);
    case 'object':
      return sameObjects(a, b);
    default:
      // strings, booleans and bigints are equal only when ===
      return false;
  }
}

function sameObjects(a: object, b: object): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && sameNumbers(a.getTime(), b.getTime());
  if (a instanceof RegExp || b instanceof RegExp) {
    return a instanceof RegExp && b instanceof RegExp && a.source === b.source && a.flags === b.flags;
  }
  const plainA = isPlainObject(a);
  if (plainA !== isPlainObject(b)) return false;
  // Another kind of object (an ObjectId) is a value known by its string form.
  if (!plainA) return String(a) === String(b);
  return sameFields(a, b as Record<string, unknown>);
}

function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!exactlyEqual(a[i], b[i])) return false;
  return true;
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || !exactlyEqual(a[keysA[i]], b[keysB[i]])) return false;
  }
  return true;
}

function sameNumbers(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
