import type { Document, Sort } from '../readStore';
import { isPlainObject, pathValues } from './values';

/**
 * MongoDB's comparison order across types: (empty array), null and missing, numbers, strings,
 * objects, arrays, binary data, other objects such as ObjectId, booleans, dates, regular expressions.
 */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
    case 'symbol':
      return 3;
    case 'boolean':
      return 8;
    default:
      break;
  }
  if (Array.isArray(value)) return value.length === 0 ? 0 : 5;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 10;
  if (isPlainObject(value)) return 4;
  if (value instanceof Uint8Array) return 6;
  return 7;
}

function simple<V extends string | number | bigint | boolean>(a: V, b: V): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareValues(a: unknown, b: unknown): number {
  // The common case first: two strings or two numbers.
  if ((typeof a === 'string' && typeof b === 'string') || (typeof a === 'number' && typeof b === 'number')) return simple(a, b);
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case 2:
      return simple(Number(a), Number(b));
    case 3:
      return simple(String(a), String(b));
    case 8:
      return simple(a === true, b === true);
    case 9:
      return simple((a as Date).getTime(), (b as Date).getTime());
    case 4:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 6:
    case 7:
    case 10:
      return simple(String(a), String(b));
    default:
      return 0;
  }
}

function compareArrays(a: readonly unknown[], b: readonly unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return simple(a.length, b.length);
}

// BSON compares embedded documents field by field, name then value, in stored order.
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const length = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < length; i++) {
    const byValueType = compareTypeOnly(a[keysA[i]], b[keysB[i]]);
    if (byValueType !== 0) return byValueType;
    const byName = simple(keysA[i], keysB[i]);
    if (byName !== 0) return byName;
    const byValue = compareValues(a[keysA[i]], b[keysB[i]]);
    if (byValue !== 0) return byValue;
  }
  return simple(keysA.length, keysB.length);
}

function compareTypeOnly(a: unknown, b: unknown): number {
  return simple(typeRank(a), typeRank(b));
}

/**
 * The key a document sorts by on one field: with an array field, ascending order uses its
 * smallest element and descending order its largest, as MongoDB does.
 */
function sortKey(document: Document, path: readonly string[], direction: 1 | -1): unknown {
  const values = pathValues(document, path, false);
  let best = values[0];
  for (let i = 1; i < values.length; i++) {
    const order = compareValues(values[i], best);
    if (direction === 1 ? order < 0 : order > 0) best = values[i];
  }
  return best;
}

interface Keyed<T> {
  readonly document: T;
  readonly keys: readonly unknown[];
}

/**
 * Sorts stably by the sort specification. When only the first `keep` documents are wanted,
 * keeps a bounded sorted buffer instead of sorting everything.
 */
export function sortDocuments<T extends Document>(documents: readonly T[], sort: Sort, keep?: number): T[] {
  const fields = Object.entries(sort).map(([field, direction]) => ({ path: field.split('.'), direction }));
  const compare = (a: Keyed<T>, b: Keyed<T>): number => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i]);
      if (order !== 0) return order * fields[i].direction;
    }
    return 0;
  };
  const keyed = documents.map((document) => ({
    document,
    keys: fields.map(({ path, direction }) => sortKey(document, path, direction)),
  }));
  const sorted = keep !== undefined && keep < keyed.length / 8 ? smallest(keyed, keep, compare) : keyed.sort(compare);
  return sorted.map((entry) => entry.document);
}

function smallest<E>(items: readonly E[], count: number, compare: (a: E, b: E) => number): E[] {
  const buffer: E[] = [];
  if (count <= 0) return buffer;
  for (const item of items) {
    if (buffer.length === count) {
      if (compare(item, buffer[count - 1]) >= 0) continue;
      buffer.pop();
    }
    buffer.splice(insertionPoint(buffer, item, compare), 0, item);
  }
  return buffer;
}

/** After any equal elements, so that earlier documents stay first among equals. */
function insertionPoint<E>(sorted: readonly E[], item: E, compare: (a: E, b: E) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
