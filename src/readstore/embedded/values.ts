import type { Document } from '../readStore';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of document data: plain objects, arrays and Dates are copied; any other object
 * (an ObjectId, a Buffer) is treated as an immutable value and shared. Much faster than
 * `structuredClone`, which matters because every document handed in or out is copied.
 */
export function cloneValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value instanceof Date) return new Date(value.getTime());
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  // for…in lists the same keys as Object.keys on a plain object, without building an array.
  for (const key in value) copy[key] = cloneValue(value[key]);
  return copy;
}

export function cloneDocument<T extends Document>(document: T): T {
  return cloneValue(document) as T;
}

/**
 * Freezes document data in place, deeply: the plain objects and arrays `cloneValue` would copy
 * (any other object is a value it shares anyway). A frozen part is not entered again, so a
 * document made of parts of stored ones (a projection's next version of a document) costs only
 * its new parts.
 */
export function freezeValue(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (const element of value) freezeValue(element);
    return;
  }
  if (!isPlainObject(value)) return;
  Object.freeze(value);
  for (const key in value) freezeValue(value[key]);
}

/**
 * The values a document holds at a dotted path, traversing arrays the way MongoDB does:
 * an array met on the way is entered element by element, and an array at the end of the path
 * contributes each element (an empty array stands for itself). A missing field contributes `null`.
 *
 * With `forIndex`, the result is a superset of what mingo may compare with a non-array value, for
 * index lookups: nested arrays are also flattened (mingo unwraps dotted paths more deeply than
 * MongoDB), and `null` is added wherever a branch of a dotted path ends. On a single-field path it
 * is exact. A whole non-empty array is not included: see `FieldIndex.lookupKeys`.
 */
export function pathValues(document: unknown, path: readonly string[], forIndex: boolean): unknown[] {
  const out: unknown[] = [];
  collect(document, path, 0, forIndex, out);
  return out;
}

function collect(value: unknown, path: readonly string[], depth: number, forIndex: boolean, out: unknown[]): void {
  const dotted = forIndex && path.length > 1;
  if (depth === path.length) {
    if (!Array.isArray(value)) {
      out.push(value === undefined ? null : value);
      return;
    }
    if (value.length === 0) out.push(value);
    if (value.length === 0 && dotted) out.push(null);
    for (const element of value) {
      out.push(element);
      if (dotted && Array.isArray(element)) pushLeaves(element, out);
    }
    return;
  }
  if (Array.isArray(value)) {
    const position = arrayPosition(path[depth]);
    if (position !== undefined && position < value.length) collect(value[position], path, depth + 1, forIndex, out);
    for (const element of value) {
      if (isPlainObject(element)) collect(element, path, depth, forIndex, out);
      else if (forIndex && Array.isArray(element)) {
        pushLeaves(element, out);
        collect(element, path, depth, forIndex, out);
      }
    }
    if (forIndex) out.push(null);
    return;
  }
  if (isPlainObject(value)) {
    collect(value[path[depth]], path, depth + 1, forIndex, out);
    return;
  }
  out.push(null);
}

function pushLeaves(values: readonly unknown[], out: unknown[]): void {
  for (const value of values) {
    if (Array.isArray(value)) pushLeaves(value, out);
    else out.push(value);
  }
}

function arrayPosition(segment: string): number | undefined {
  return /^\d+$/.test(segment) ? Number(segment) : undefined;
}
