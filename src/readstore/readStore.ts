/**
 * The ReadStore port: the subset of MongoDB's Collection API that projections and queries use.
 * The MongoDB adapter is the real driver; the embedded adapter (mingo + in-memory indexes) must
 * answer the same calls the same way. `test/contract/readStore.contract.ts` holds both to it.
 * Filters, updates and pipelines are MongoDB query documents.
 */

export type Document = { _id: string } & Record<string, unknown>;

export type Filter = Record<string, unknown>;
/** An update document made of operators: `$set`, `$unset`, `$inc`, `$push`, `$pull`, `$addToSet`, `$setOnInsert`, `$max`, `$min`. */
export type Update = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;
export type Pipeline = Record<string, unknown>[];

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Projection;
  /**
   * The caller only reads the documents returned and never changes them (a projection folding
   * a batch). An adapter may then hand out documents it shares with its store instead of copies:
   * the embedded store hands out its stored documents, frozen. Default false.
   */
  readOnly?: boolean;
}

/** What a list page needs: the page, and how many documents match in all. */
export interface PageOptions {
  sort: Sort;
  limit: number;
  /** Keyset paging: documents must also match this to be on the page; the total ignores it. */
  after?: Filter;
  projection?: Projection;
}

export interface FoundPage<T> {
  documents: T[];
  /** Documents matching the filter, on every page. */
  totalCount: number;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  upsertedId?: string;
}

export interface DeleteResult {
  deletedCount: number;
}

export type BulkOperation<T extends Document> =
  | { insertOne: { document: T } }
  | { updateOne: { filter: Filter; update: Update; upsert?: boolean } }
  | { updateMany: { filter: Filter; update: Update; upsert?: boolean } }
  | { replaceOne: { filter: Filter; replacement: T; upsert?: boolean } }
  | { deleteOne: { filter: Filter } }
  | { deleteMany: { filter: Filter } };

export interface BulkWriteOptions {
  /**
   * Default true: the operations run in order, and the first that fails stops the rest (the ones
   * before it stay written). False: every operation is tried, in any order, whatever fails
   * before it; the first failure is thrown once all have run. MongoDB then sends each kind of
   * operation in one batch instead of one batch per run of the same kind.
   */
  ordered?: boolean;
  /**
   * The caller hands over the documents of its `insertOne` and `replaceOne` operations: it never
   * changes them (or anything they hold) afterwards. An adapter may then store them as they are:
   * the embedded store keeps them without a copy. Default false.
   */
  handOver?: boolean;
}

export interface BulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  deletedCount: number;
}

export interface IndexSpec {
  /** Field paths in order, each ascending (1) or descending (-1). */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

export interface Collection<T extends Document = Document> {
  readonly name: string;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: FindOptions): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  /** One page of `find(filter AND after)` and `countDocuments(filter)`, in one call. */
  findPage(filter: Filter, options: PageOptions): Promise<FoundPage<T>>;
  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]>;
  insertOne(document: T): Promise<void>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  /** Ordered unless `options.ordered` is false: stops at the first failing operation, like MongoDB's default. */
  bulkWrite(operations: readonly BulkOperation<T>[], options?: BulkWriteOptions): Promise<BulkWriteResult>;
  createIndex(spec: IndexSpec): Promise<string>;
  /** Removes every document and index. */
  drop(): Promise<void>;
}

export interface ReadStore {
  collection<T extends Document = Document>(name: string): Collection<T>;
  /** Names of collections that exist. */
  listCollections(): Promise<string[]>;
  /**
   * An empty store of the same kind beside this one, to rebuild the read models in while this
   * one keeps answering. Only one scratch store exists at a time: creating one empties the last.
   */
  createScratch(): Promise<ReadStore>;
  /**
   * Replaces every collection of this store with the scratch store's (documents and indexes),
   * all at once: no query sees some collections old and others new. Collections the scratch
   * store lacks are dropped, except the store's bookkeeping (`isBookkeeping`), which stays as it
   * is. Collections handed out before keep working and see the new contents. The scratch store
   * is left empty.
   */
  adopt(scratch: ReadStore): Promise<void>;
  close(): Promise<void>;
  /** The store's own past, when it keeps one (the embedded store does by default; MongoDB does not). */
  readonly history?: ReadStoreHistory;
}

/**
 * Collections named with a leading `_` are the store's bookkeeping (the projector's lease, say),
 * not read models: a rebuild neither builds nor replaces them, and `adopt` leaves them alone.
 */
export function isBookkeeping(collection: string): boolean {
  return collection.startsWith('_');
}

/** A unique index rejected a write (MongoDB error 11000). */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly index: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`Duplicate key in ${collection} index ${index}: ${JSON.stringify(key)}`);
    this.name = 'DuplicateKeyError';
  }
}

/**
 * What a read store that keeps its own past can show (the embedded store, when asked): the read
 * models as they stood at earlier log positions, without replaying the log.
 */
export interface ReadStoreHistory {
  /**
   * The store as it stands now is what the read models hold at log `position` (the projector
   * calls this between batches). Beyond `maxMarks` marks, older ones are thinned evenly (every
   * other one dropped) with the past versions only they needed.
   */
  mark(position: string, maxMarks?: number): void;
  /**
   * A writable fork of the read models as they stood at the latest mark at or before `position`,
   * and that mark's position; `undefined` when no mark so early is held. The fork does not see
   * later writes to the store, and its own writes stay in it.
   */
  forkAt(position: string): { store: ReadStore; at: string } | undefined;
  /** Changes whenever the store's past is forgotten (a collection dropped or replaced): forks made before are stale. */
  readonly generation: number;
  /** How many marks are held. */
  readonly markCount: number;
  /** How many past document versions are held (counted: for figures and tests). */
  versionCount(): number;
}
