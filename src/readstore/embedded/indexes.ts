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

const NOT_SINGLE = Symbol('not a single key');

/**
 * The ids holding one key, in the order they took it: most keys of a selective index name a
 * single document, kept alone. Others keep a list while ids are only added (far cheaper than a
 * Set, and the usual case while a collection is being filled); the first removal makes it a Set.
 */
type Holders = string | string[] | Set<string>;

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
  private readonly entries = new Map<IndexKey, Holders>();
  /** Whether any document ever held more than one key here (an array, a dotted path): then ids may repeat across keys. */
  private multikey = false;

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
    const single = this.singleKeyOf(document);
    if (single !== NOT_SINGLE) this.addEntry(single, document._id);
    else {
      this.multikey = true;
      const value = this.exact ? document[this.field] : undefined;
      if (Array.isArray(value) && value.length > 0) {
        // A top-level array: its elements are its keys (what `pathValues` lists), without a list of them.
        for (const element of value) this.addEntry(indexKey(element), document._id);
      } else for (const key of this.keysOf(document)) this.addEntry(key, document._id);
    }
  }

  remove(document: Document): void {
    for (const key of this.keysOf(document)) this.removeEntry(key, document._id);
  }

  /** Touches only the keys that changed, so an update that leaves the field alone costs little. */
  replace(before: Document, after: Document): void {
    const oldKeys = this.keysOf(before);
    const newKeys = this.keysOf(after);
    if (oldKeys.length === 1 && newKeys.length === 1) {
      if (oldKeys[0] === newKeys[0]) return;
      this.removeEntry(oldKeys[0], before._id);
      this.addEntry(newKeys[0], after._id);
      return;
    }
    const oldSet = new Set(oldKeys);
    const newSet = new Set(newKeys);
    for (const key of oldSet) if (!newSet.has(key)) this.removeEntry(key, before._id);
    for (const key of newSet) if (!oldSet.has(key)) this.addEntry(key, after._id);
  }

  count(values: readonly unknown[]): number {
    let total = 0;
    for (const key of lookupKeys(values)) total += sizeOf(this.entries.get(key));
    return total;
  }

  ids(values: readonly unknown[]): Iterable<string> {
    const keys = lookupKeys(values);
    if (keys.length === 1) return idsOf(this.entries.get(keys[0]));
    if (!this.multikey) {
      // Each document holds one key, so distinct keys never share an id: no set needed.
      const ids: string[] = [];
      for (const key of new Set(keys)) for (const id of idsOf(this.entries.get(key))) ids.push(id);
      return ids;
    }
    const union = new Set<string>();
    for (const key of keys) for (const id of idsOf(this.entries.get(key))) union.add(id);
    return union;
  }

  /** The key another document already holds in this unique index, if `document` would repeat it. */
  duplicateOf(document: Document, documents: ReadonlyMap<string, Document>): Record<string, unknown> | undefined {
    if (!this.unique) return undefined;
    for (const tuple of this.uniqueTuples(document)) {
      const key = canonicalKey(tuple);
      for (const id of idsOf(this.entries.get(indexKey(tuple[0])))) {
        if (id === document._id) continue;
        const other = documents.get(id);
        if (other !== undefined && this.uniqueTuples(other).some((candidate) => canonicalKey(candidate) === key)) {
          return Object.fromEntries(Object.keys(this.spec.keys).map((field, i) => [field, tuple[i]]));
        }
      }
    }
    return undefined;
  }

  /** The document's keys in this index, possibly repeated. */
  keysOf(document: Document): IndexKey[] {
    const single = this.singleKeyOf(document);
    return single !== NOT_SINGLE ? [single] : pathValues(document, this.paths[0], true).map(indexKey);
  }

  /** The usual case, a top-level field holding one value (not an array): its one key. */
  private singleKeyOf(document: Document): IndexKey | typeof NOT_SINGLE {
    if (!this.exact) return NOT_SINGLE;
    const value = document[this.field];
    return Array.isArray(value) ? NOT_SINGLE : indexKey(value);
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

  /**
   * An id never holds a key twice. A list can tell by its last id alone: the keys a document adds
   * are added together, and an id that was removed from a key since was removed from a Set.
   */
  private addEntry(key: IndexKey, id: string): void {
    const holders = this.entries.get(key);
    if (holders === undefined) this.entries.set(key, id);
    else if (typeof holders === 'string') {
      if (holders !== id) this.entries.set(key, [holders, id]);
    } else if (Array.isArray(holders)) {
      if (holders[holders.length - 1] !== id) holders.push(id);
    } else holders.add(id);
  }

  private removeEntry(key: IndexKey, id: string): void {
    const holders = this.entries.get(key);
    if (holders === undefined) return;
    if (typeof holders === 'string') {
      if (holders === id) this.entries.delete(key);
      return;
    }
    const set = Array.isArray(holders) ? new Set(holders) : holders;
    if (set !== holders) this.entries.set(key, set);
    set.delete(id);
    if (set.size === 0) this.entries.delete(key);
  }
}

function sizeOf(holders: Holders | undefined): number {
  if (holders === undefined) return 0;
  if (typeof holders === 'string') return 1;
  return Array.isArray(holders) ? holders.length : holders.size;
}

function idsOf(holders: Holders | undefined): Iterable<string> {
  return holders === undefined ? [] : typeof holders === 'string' ? [holders] : holders;
}

/**
 * The keys to read for equality with any of `values`. A document whose field equals a whole array
 * is found through the array's first element (as MongoDB's multikey indexes do), which keeps one
 * key per document and array out of the index; an empty array, or an array that is an element, has a key of its own.
 */
export function lookupKeys(values: readonly unknown[]): IndexKey[] {
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
