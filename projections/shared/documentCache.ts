import type { BulkOperation, Collection, Document, Filter } from '../../src/readstore/readStore';

/** What every projected document remembers: the position of the last event applied to it. */
export type Positioned = { position: string };

/** True when `event` was already applied to `doc` (idempotency guard). */
export function alreadyApplied(doc: Positioned | undefined, event: Positioned): boolean {
  return doc !== undefined && doc.position >= event.position;
}

/**
 * The documents a batch touches, read once, changed in memory event by event, and written
 * back with one bulk write. Later events of the batch see the changes of earlier ones.
 */
export class DocumentCache<T extends Document> {
  private readonly docs = new Map<string, T>();
  private readonly changed = new Set<string>();

  constructor(private readonly collection: Collection<T>) {}

  /** Reads the documents with these ids that are not cached yet. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.docs.has(id));
    if (missing.length === 0) return;
    this.remember(await this.collection.find({ _id: { $in: missing } }));
  }

  /**
   * Reads the stored documents matching `filter` that are not cached yet. A cached document
   * is newer than its stored copy, so callers test the cache (`values`) with the same predicate.
   */
  async loadWhere(filter: Filter): Promise<void> {
    this.remember(await this.collection.find(filter));
  }

  get(id: string): T | undefined {
    return this.docs.get(id);
  }

  values(): T[] {
    return [...this.docs.values()];
  }

  /** The ids of the cached documents that pass `test`. */
  idsWhere(test: (doc: T) => boolean): string[] {
    const ids: string[] = [];
    for (const doc of this.docs.values()) if (test(doc)) ids.push(doc._id);
    return ids;
  }

  put(doc: T): void {
    this.docs.set(doc._id, doc);
    this.changed.add(doc._id);
  }

  changedIds(): string[] {
    return [...this.changed];
  }

  /** Replacements for every changed document, in `order` when given (else first read first). */
  writes(order?: (a: T, b: T) => number): BulkOperation<T>[] {
    const changed = this.values().filter((doc) => this.changed.has(doc._id));
    return (order ? changed.sort(order) : changed).map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }));
  }

  async flush(order?: (a: T, b: T) => number): Promise<void> {
    const writes = this.writes(order);
    if (writes.length > 0) await this.collection.bulkWrite(writes);
  }

  private remember(found: readonly T[]): void {
    for (const doc of found) if (!this.docs.has(doc._id)) this.docs.set(doc._id, doc);
  }
}
