import type { Document, IndexSpec } from '../readStore';
import { canonicalKey, exactKey, indexKey, type IndexKey } from './keys';
import { pathValues } from './values';

/** Something that can list the documents whose field equals one of some values. */
export interface CandidateSource {
  readonly field: string;
  /** Whether every id listed for a string, number or boolean value is a document equal to it there. */
  readonly exact: boolean;
  /** An upper bound of the number of ids `ids` would return, without building them. */
  count(values: readonly unknown[]): number;
  ids(values: readonly unknown[]): Iterable<string>;
}

export function defaultIndexName(keys: IndexSpec['keys']): string {
  return Object.entries(keys)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

/**
 * A secondary index: the key of its first field's value maps to the ids of the documents holding it.
 * An array field is multikey: each element is a key. Fields after the first are not indexed; the
 * query filters on them, and unique checks compare them.
 */
export class FieldIndex implements CandidateSource {
  readonly name: string;
  readonly field: string;
  readonly unique: boolean;
  readonly exact: boolean;
  private readonly paths: readonly (readonly string[])[];
  private readonly entries = new Map<IndexKey, Set<string>>();

  constructor(readonly spec: IndexSpec) {
    const fields = Object.keys(spec.keys);
    if (fields.length === 0) throw new Error('An index needs at least one field');
    this.name = spec.name ?? defaultIndexName(spec.keys);
    this.field = fields[0];
    this.unique = spec.unique === true;
    this.paths = fields.map((field) => field.split('.'));
    this.exact = this.paths[0].length === 1;
  }

  sameAs(spec: IndexSpec): boolean {
    return exactKey(spec.keys) === exactKey(this.spec.keys) && (spec.unique === true) === this.unique;
  }

  add(document: Document): void {
    for (const key of this.keysOf(document)) this.addEntry(key, document._id);
  }

  remove(document: Document): void {
    for (const key of this.keysOf(document)) this.removeEntry(key, document._id);
  }

  /** Touches only the keys that changed, so an update that leaves the field alone costs little. */
  replace(before: Document, after: Document): void {
    const oldKeys = this.keysOf(before);
    const newKeys = this.keysOf(after);
    for (const key of oldKeys) if (!newKeys.has(key)) this.removeEntry(key, before._id);
    for (const key of newKeys) if (!oldKeys.has(key)) this.addEntry(key, after._id);
  }

  count(values: readonly unknown[]): number {
    let total = 0;
    for (const key of lookupKeys(values)) total += this.entries.get(key)?.size ?? 0;
    return total;
  }

  ids(values: readonly unknown[]): Iterable<string> {
    const keys = lookupKeys(values);
    if (keys.length === 1) return this.entries.get(keys[0]) ?? [];
    const union = new Set<string>();
    for (const key of keys) for (const id of this.entries.get(key) ?? []) union.add(id);
    return union;
  }

  /** The key another document already holds in this unique index, if `document` would repeat it. */
  duplicateOf(document: Document, documents: ReadonlyMap<string, Document>): Record<string, unknown> | undefined {
    if (!this.unique) return undefined;
    for (const tuple of this.uniqueTuples(document)) {
      const key = canonicalKey(tuple);
      for (const id of this.entries.get(indexKey(tuple[0])) ?? []) {
        if (id === document._id) continue;
        const other = documents.get(id);
        if (other !== undefined && this.uniqueTuples(other).some((candidate) => canonicalKey(candidate) === key)) {
          return Object.fromEntries(Object.keys(this.spec.keys).map((field, i) => [field, tuple[i]]));
        }
      }
    }
    return undefined;
  }

  private keysOf(document: Document): Set<IndexKey> {
    return new Set(pathValues(document, this.paths[0], true).map(indexKey));
  }

  // The combinations of field values a document occupies in a unique index (one per array element).
  private uniqueTuples(document: Document): unknown[][] {
    let tuples: unknown[][] = [[]];
    for (const path of this.paths) {
      const values = pathValues(document, path, false);
      const choices = values.length === 0 ? [null] : values;
      tuples = tuples.flatMap((tuple) => choices.map((value) => [...tuple, value]));
    }
    return tuples;
  }

  private addEntry(key: IndexKey, id: string): void {
    const ids = this.entries.get(key);
    if (ids === undefined) this.entries.set(key, new Set([id]));
    else ids.add(id);
  }

  private removeEntry(key: IndexKey, id: string): void {
    const ids = this.entries.get(key);
    if (ids === undefined) return;
    ids.delete(id);
    if (ids.size === 0) this.entries.delete(key);
  }
}

/**
 * The keys to read for equality with any of `values`. A document whose field equals a whole array
 * is found through the array's first element (as MongoDB's multikey indexes do), which keeps one
 * key per document and array out of the index; an empty array, or an array that is an element, has a key of its own.
 */
function lookupKeys(values: readonly unknown[]): IndexKey[] {
  const keys: IndexKey[] = [];
  for (const value of values) {
    keys.push(indexKey(value));
    if (Array.isArray(value) && value.length > 0) keys.push(indexKey(value[0]));
  }
  return keys;
}

/** The `_id` index is the document map itself. */
export class IdIndex implements CandidateSource {
  readonly field = '_id';
  readonly name = '_id_';
  readonly exact = true;

  constructor(private readonly documents: ReadonlyMap<string, Document>) {}

  count(values: readonly unknown[]): number {
    return values.length;
  }

  ids(values: readonly unknown[]): Iterable<string> {
    const ids = new Set<string>();
    for (const value of values) if (typeof value === 'string' && this.documents.has(value)) ids.add(value);
    return ids;
  }
}
