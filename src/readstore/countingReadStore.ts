import type {
  BulkOperation,
  BulkWriteOptions,
  BulkWriteResult,
  Collection,
  DeleteResult,
  Document,
  Filter,
  FindOptions,
  FoundPage,
  PageOptions,
  IndexSpec,
  Pipeline,
  ReadStore,
  Update,
  UpdateOptions,
  UpdateResult,
} from './readStore';

/**
 * Wraps a ReadStore and counts every collection call made through it: the number of read-store
 * round-trips a piece of work (one GraphQL request, say) costs. `listCollections` and `close`
 * are not counted.
 */
export class CountingReadStore implements ReadStore {
  private count = 0;

  constructor(private readonly inner: ReadStore) {}

  /** Collection calls since creation or the last `reset()`. */
  get calls(): number {
    return this.count;
  }

  reset(): void {
    this.count = 0;
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new CountingCollection(this.inner.collection<T>(name), () => this.count++);
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

  /** A rebuild's own calls are not counted: the scratch store is the inner one's. */
  createScratch(): Promise<ReadStore> {
    return this.inner.createScratch();
  }

  adopt(scratch: ReadStore): Promise<void> {
    return this.inner.adopt(scratch);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

class CountingCollection<T extends Document> implements Collection<T> {
  constructor(
    private readonly inner: Collection<T>,
    private readonly counted: () => void,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  find(filter: Filter, options?: FindOptions): Promise<T[]> {
    this.counted();
    return this.inner.find(filter, options);
  }

  findOne(filter: Filter, options?: FindOptions): Promise<T | null> {
    this.counted();
    return this.inner.findOne(filter, options);
  }

  findPage(filter: Filter, options: PageOptions): Promise<FoundPage<T>> {
    this.counted();
    return this.inner.findPage(filter, options);
  }

  countDocuments(filter?: Filter): Promise<number> {
    this.counted();
    return this.inner.countDocuments(filter);
  }

  aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    this.counted();
    return this.inner.aggregate<R>(pipeline);
  }

  insertOne(document: T): Promise<void> {
    this.counted();
    return this.inner.insertOne(document);
  }

  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    this.counted();
    return this.inner.updateOne(filter, update, options);
  }

  updateMany(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    this.counted();
    return this.inner.updateMany(filter, update, options);
  }

  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult> {
    this.counted();
    return this.inner.replaceOne(filter, replacement, options);
  }

  deleteMany(filter: Filter): Promise<DeleteResult> {
    this.counted();
    return this.inner.deleteMany(filter);
  }

  bulkWrite(operations: readonly BulkOperation<T>[], options?: BulkWriteOptions): Promise<BulkWriteResult> {
    this.counted();
    return this.inner.bulkWrite(operations, options);
  }

  createIndex(spec: IndexSpec): Promise<string> {
    this.counted();
    return this.inner.createIndex(spec);
  }

  drop(): Promise<void> {
    this.counted();
    return this.inner.drop();
  }
}
