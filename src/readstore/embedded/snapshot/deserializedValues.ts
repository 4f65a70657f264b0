import v8 from 'node:v8';

/**
 * `v8.deserialize` builds its objects in the realm of Node's own modules. Inside a vm context
 * (jest's test environment) that is not the realm of this code, whose `isPlainObject` and
 * `instanceof Date` would then not recognize them. Checked once.
 */
const FOREIGN_REALM = Object.getPrototypeOf(v8.deserialize(v8.serialize({}))) !== Object.prototype;

/** A deserialized value as this realm's objects: itself where the realms are one (a plain `node` process), else a copy. */
export function deserialized(bytes: Buffer): unknown {
  const value: unknown = v8.deserialize(bytes);
  return FOREIGN_REALM ? intoThisRealm(value) : value;
}

function intoThisRealm(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(intoThisRealm);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  if (tag !== '[object Object]') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = intoThisRealm(field);
  return copy;
}
