import type { BulkOperation, Collection, Document, Filter } from '../../src/readstore/readStore';

const READ_ONLY = { readOnly: true } as const;

/** What every projected document remembers: the position of the last event applied to it. */
export type Positioned = { position: string };

/** True when `event` was already applied to `doc` (idempotency guard). */
export function alreadyApplied(doc: Positioned | undefined, event: Positioned): boolean {
  return doc !== undefined && doc.position >= event.position;
}

/**
 * The documents a batch touches, read once, changed in memory event by event, and written
 * back with one bulk write. Later events of the batch see the changes of earlier ones.
 * Documents are read as read-only (`evolve` is pure: it makes new documents, never changes the
 * ones it is given), and the ones written are handed over to the store.
 */
export class DocumentCache<T extends Document> {
  private readonly docs = new Map<string, T>();
  private readonly changed = new Set<string>();
  /** The ids of the cached documents by a key of theirs, in the order they were cached (see `idsWhere`). */
  private groups: { keyOf: (doc: T) => string; ids: Map<string, string[]> } | undefined;

  constructor(private readonly collection: Collection<T>) {}

  /** Reads the documents with these ids that are not cached yet. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.docs.has(id));
    if (missing.length === 0) return;
    this.remember(await this.collection.find({ _id: { $in: missing } }, READ_ONLY));
  }

  /**
   * Reads the stored documents matching `filter` that are not cached yet. A cached document
   * is newer than its stored copy, so callers test the cache (`values`) with the same predicate.
   */
  async loadWhere(filter: Filter): Promise<void> {
    this.remember(await this.collection.find(filter, READ_ONLY));
  }

  get(id: string): T | undefined {
    return this.docs.get(id);
  }

  values(): T[] {
    return [...this.docs.values()];
  }

  /**
   * The ids of the cached documents that pass `test`, in the order they were cached. With `key`
   * (`keyOf(doc) === value` for every document that passes, and a document's key never changes),
   * only the documents with that key are tested.
   */
  idsWhere(test: (doc: T) => boolean, key?: { keyOf: (doc: T) => string; value: string }): string[] {
    const ids: string[] = [];
    if (key === undefined) {
      for (const doc of this.docs.values()) if (test(doc)) ids.push(doc._id);
      return ids;
    }
    for (const id of this.groupOf(key.keyOf, key.value)) if (test(this.docs.get(id)!)) ids.push(id);
    return ids;
  }

  put(doc: T): void {
    if (this.groups === undefined) {
      this.docs.set(doc._id, doc);
      this.changed.add(doc._id);
      return;
    }
    const before = this.docs.get(doc._id);
    this.docs.set(doc._id, doc);
    this.changed.add(doc._id);
    if (before === undefined) this.addToGroup(doc);
    else if (this.groups.keyOf(before) !== this.groups.keyOf(doc)) this.groups = undefined; // not expected: regrouped at the next use
  }

  changedIds(): string[] {
    return [...this.changed];
  }

  /** Replacements for every changed document, in `order` when given (else first read first). */
  writes(order?: (a: T, b: T) => number): BulkOperation<T>[] {
    const changed = this.values().filter((doc) => this.changed.has(doc._id));
    return (order ? changed.sort(order) : changed).map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));
  }

  /**
   * Writes the changed documents, handing them over: the cache is not used after. Unordered
   * (each write names its own document, so their order changes nothing) unless `order` is given.
   */
  async flush(order?: (a: T, b: T) => number): Promise<void> {
    const writes = this.writes(order);
    if (writes.length > 0) await this.collection.bulkWrite(writes, { ordered: order !== undefined, handOver: true });
  }

  private remember(found: readonly T[]): void {
    for (const doc of found) {
      if (this.docs.has(doc._id)) continue;
      this.docs.set(doc._id, doc);
      if (this.groups !== undefined) this.addToGroup(doc);
    }
  }

  private groupOf(keyOf: (doc: T) => string, value: string): readonly string[] {
    if (this.groups === undefined || this.groups.keyOf !== keyOf) {
      this.groups = { keyOf, ids: new Map() };
      for (const doc of this.docs.values()) this.addToGroup(doc);
    }
    return this.groups.ids.get(value) ?? [];
  }

  private addToGroup(doc: T): void {
    const { keyOf, ids } = this.groups!;
    const key = keyOf(doc);
    const group = ids.get(key);
    if (group === undefined) ids.set(key, [doc._id]);
    else group.push(doc._id);
  }
}
