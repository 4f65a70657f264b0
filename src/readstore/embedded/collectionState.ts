import { DuplicateKeyError, type Document, type Filter, type IndexSpec } from '../readStore';
import type { CompiledQueries } from './compiledQueries';
import type { CollectionHistory } from './history/collectionHistory';
import { FieldIndex, IdIndex, type CandidateSource } from './indexes';
import { planQuery } from './queryPlanner';
import type { QueryStats } from './queryStats';
import type { StoredCollection } from './storedCollection';

/**
 * The documents of one collection and their indexes. Stored documents are never changed in
 * place. Callers receive copies, unless they only read (`FindOptions.readOnly`: then the stored
 * documents, frozen as they are handed out), and writes pass in fresh objects or objects handed
 * over (`BulkWriteOptions.handOver`). With a history, every write first records what it replaces,
 * and `matchAt` answers as the collection stood at an earlier epoch.
 */
export class CollectionState implements StoredCollection {
  readonly documents = new Map<string, Document>();
  /** A collection exists once something was written to it or an index was created, until it is dropped. */
  exists = false;
  private readonly indexes: FieldIndex[] = [];
  private sources: CandidateSource[];

  constructor(
    readonly name: string,
    private readonly compiled: CompiledQueries,
    private readonly stats: QueryStats,
    readonly history?: CollectionHistory,
  ) {
    this.sources = [new IdIndex(this.documents)];
  }

  /** The specs of its secondary indexes (not `_id`'s), in the order they were created. */
  get indexSpecs(): IndexSpec[] {
    return this.indexes.map((index) => index.spec);
  }

  /** Matching stored documents (not copies), in natural order when no index applies; stops after `limit`. */
  match(filter: Filter, limit = Infinity): Document[] {
    const matched: Document[] = [];
    if (limit <= 0) return matched;
    const id = soleId(filter);
    if (id !== undefined) {
      // `{ _id: 'x' }`, the commonest filter of all: the document map answers it exactly.
      const document = this.documents.get(id);
      if (document !== undefined) {
        this.stats.documentsExamined++;
        matched.push(document);
      }
      return matched;
    }
    const { ids, residual } = planQuery(filter, this.sources);
    const query = isEmpty(residual) ? undefined : this.compiled.matcher(residual);
    if (ids === undefined) {
      for (const document of this.documents.values()) {
        if (query !== undefined) {
          this.stats.documentsExamined++;
          if (!query.test(document)) continue;
        }
        matched.push(document);
        if (matched.length >= limit) break;
      }
      return matched;
    }
    for (const candidate of ids) {
      const document = this.documents.get(candidate);
      if (document === undefined) continue;
      this.stats.documentsExamined++;
      if (query !== undefined && !query.test(document)) continue;
      matched.push(document);
      if (matched.length >= limit) break;
    }
    return matched;
  }

  /** The first document `match` would give, without building a list for the commonest filter, `{ _id: 'x' }`. */
  first(filter: Filter): Document | undefined {
    const id = soleId(filter);
    if (id === undefined) return this.match(filter, 1)[0];
    const document = this.documents.get(id);
    if (document !== undefined) this.stats.documentsExamined++;
    return document;
  }

  count(filter: Filter): number {
    return Object.keys(filter).length === 0 ? this.documents.size : this.match(filter).length;
  }

  insert(document: Document): void {
    if (typeof document._id !== 'string') throw new TypeError(`${this.name}: _id must be a string`);
    if (this.documents.has(document._id)) throw new DuplicateKeyError(this.name, '_id_', { _id: document._id });
    this.rejectDuplicates(document);
    this.history?.record(document._id, undefined);
    this.documents.set(document._id, document);
    for (const index of this.indexes) index.add(document);
    this.exists = true;
  }

  replace(before: Document, after: Document): void {
    if (after._id !== before._id) throw new Error(`${this.name}: the immutable field '_id' cannot be changed`);
    this.rejectDuplicates(after);
    this.history?.record(before._id, before);
    this.documents.set(after._id, after);
    for (const index of this.indexes) index.replace(before, after);
  }

  remove(document: Document): void {
    const stored = this.documents.get(document._id);
    if (stored === undefined) return;
    this.history?.record(document._id, stored);
    this.documents.delete(document._id);
    for (const index of this.indexes) index.remove(document);
  }

  createIndex(spec: IndexSpec): string {
    const index = new FieldIndex(spec);
    if (index.name === '_id_' || (Object.keys(spec.keys).length === 1 && index.field === '_id')) return '_id_';
    const existing = this.indexes.find((candidate) => candidate.name === index.name);
    if (existing !== undefined) {
      if (!existing.sameAs(spec)) throw new Error(`${this.name}: an index named ${index.name} exists with other keys`);
      return existing.name;
    }
    for (const document of this.documents.values()) index.add(document);
    for (const document of this.documents.values()) {
      const duplicate = index.duplicateOf(document, this.documents);
      if (duplicate !== undefined) throw new DuplicateKeyError(this.name, index.name, duplicate);
    }
    this.indexes.push(index);
    this.sources = [...this.sources, index];
    this.history?.indexed(spec, index.name);
    this.exists = true;
    return index.name;
  }

  /** Takes the documents and indexes of `other` (a rebuilt copy of this collection); `other` is left empty. */
  adopt(other: CollectionState): void {
    this.documents.clear();
    for (const [id, document] of other.documents) this.documents.set(id, document);
    this.indexes.splice(0, this.indexes.length, ...other.indexes);
    this.sources = [new IdIndex(this.documents), ...this.indexes];
    this.exists = other.exists;
    if (this.history !== undefined && other.history !== undefined) this.history.adopt(other.history);
    other.documents.clear();
    other.indexes.length = 0;
    other.exists = false;
  }

  drop(): void {
    // The other collections' pasts no longer add up to the store's: the whole history goes.
    this.history?.forgetStore();
    this.documents.clear();
    this.indexes.length = 0;
    this.sources = [new IdIndex(this.documents)];
    this.exists = false;
  }

  /**
   * Matching documents as they stood at the end of `epoch` (of the history), leaving out the
   * `hidden` ids; stops after `limit`. Candidates come from the current and the past keys of
   * the indexes, and each is tested whole on its version at that epoch.
   */
  matchAt(epoch: number, filter: Filter, limit: number, hidden: ReadonlySet<string>): Document[] {
    const history = this.history;
    if (history === undefined) throw new Error(`${this.name}: this store keeps no history`);
    const matched: Document[] = [];
    if (limit <= 0) return matched;
    const query = isEmpty(filter) ? undefined : this.compiled.matcher(filter);
    const id = soleId(filter);
    const candidates = id !== undefined ? [id] : (planQuery(filter, this.pastSources(history, epoch)).ids ?? everyId(this.documents.keys(), history.ids()));
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (seen.has(candidate) || hidden.has(candidate)) continue;
      seen.add(candidate);
      const document = history.at(candidate, epoch, this.documents.get(candidate));
      if (document === undefined) continue;
      this.stats.documentsExamined++;
      if (query !== undefined && !query.test(document)) continue;
      matched.push(document);
      if (matched.length >= limit) break;
    }
    return matched;
  }

  /** The indexes as sources of candidates at an earlier epoch: current keys and the past keys standing then, never exact. */
  private pastSources(history: CollectionHistory, epoch: number): CandidateSource[] {
    const sources: CandidateSource[] = [
      { field: '_id', exact: false, count: (values) => values.length, ids: (values) => values.filter((value): value is string => typeof value === 'string') },
    ];
    for (const index of this.indexes) {
      const past = history.pastIndex(index.name);
      sources.push({
        field: index.field,
        exact: false,
        count: (values) => index.count(values) + (past?.count(values) ?? 0),
        ids: (values) => (past === undefined ? index.ids(values) : everyId(index.ids(values), past.idsAt(values, epoch))),
      });
    }
    return sources;
  }

  private rejectDuplicates(document: Document): void {
    for (const index of this.indexes) {
      if (!index.unique) continue;
      const duplicate = index.duplicateOf(document, this.documents);
      if (duplicate !== undefined) throw new DuplicateKeyError(this.name, index.name, duplicate);
    }
  }
}

/** The id of a filter that is exactly `{ _id: <string> }`. */
function soleId(filter: Filter): string | undefined {
  let fields = 0;
  for (const field in filter) {
    if (field !== '_id' || ++fields > 1) return undefined;
  }
  const id = filter._id;
  return typeof id === 'string' ? id : undefined;
}

function* everyId(first: Iterable<string>, second: Iterable<string>): Iterable<string> {
  yield* first;
  yield* second;
}

function isEmpty(filter: Filter): boolean {
  for (const _field in filter) return false;
  return true;
}
