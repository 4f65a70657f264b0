import { isPlainObject } from './values';

/** A value as a `Map` key: primitives stand for themselves, anything else is encoded into a tagged string. */
export type IndexKey = string | number | boolean | null;

const TAG = '\u0000';

/**
 * Injective over mingo's equality: two values get the same key exactly when mingo considers them
 * equal (object key order is ignored, as mingo ignores it). `null` and a missing field share a key.
 */
export function indexKey(value: unknown): IndexKey {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value.startsWith(TAG) ? TAG + encode(value, false) : value;
    case 'number':
    case 'boolean':
      return value;
    default:
      return TAG + encode(value, false);
  }
}

/** A canonical string for a value, ignoring object key order. */
export function canonicalKey(value: unknown): string {
  return encode(value, false);
}

/**
 * A string that differs whenever the values differ in any way MongoDB can see, key order
 * included; unlike `JSON.stringify` it keeps Dates, RegExps and `undefined` apart from strings and `{}`.
 */
export function exactKey(value: unknown): string {
  return encode(value, true);
}

function encode(value: unknown, keepOrder: boolean): string {
  if (value === null || value === undefined) return value === null ? 'z' : 'u';
  switch (typeof value) {
    case 'string':
      return 's' + JSON.stringify(value);
    case 'number':
      return 'n' + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'bigint':
      return 'i' + String(value);
    case 'function':
      return 'f' + JSON.stringify(String(value));
    case 'symbol':
      return 'y' + JSON.stringify(String(value));
    default:
      break;
  }
  if (Array.isArray(value)) return '[' + value.map((element) => encode(element, keepOrder)).join(',') + ']';
  if (value instanceof Date) return 'd' + String(value.getTime());
  if (value instanceof RegExp) return 'r' + JSON.stringify([value.source, value.flags]);
  if (!isPlainObject(value)) return 'o' + JSON.stringify(String(value));
  const fields = keepOrder ? Object.keys(value) : Object.keys(value).sort();
  return '{' + fields.map((field) => JSON.stringify(field) + ':' + encode(value[field], keepOrder)).join(',') + '}';
}
