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
 * Holds readers back while the read models are between two consistent states: a targeted
 * correction forgets documents and then makes them anew, and no reader should see them gone.
 */
export class ReadGate {
  private closed: Promise<void> | undefined;

  /** Runs `work` while every read through a gated store waits; reads already answered are not affected. */
  async closedWhile<T>(work: () => Promise<T>): Promise<T> {
    let open = (): void => undefined;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      return await work();
    } finally {
      this.closed = undefined;
      open();
    }
  }

  /** Resolves once the gate is open (at once when it is). */
  async passed(): Promise<void> {
    while (this.closed !== undefined) await this.closed;
  }

  get isClosed(): boolean {
    return this.closed !== undefined;
  }
}

/** The read models as readers see them: every read waits while the gate is closed. Writes pass. */
export class GatedReadStore implements ReadStore {
  constructor(
    private readonly inner: ReadStore,
    private readonly gate: ReadGate,
  ) {}

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new GatedCollection(this.inner.collection<T>(name), this.gate);
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

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

class GatedCollection<T extends Document> implements Collection<T> {
  constructor(
    private readonly inner: Collection<T>,
    private readonly gate: ReadGate,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  async find(filter: Filter, options?: FindOptions): Promise<T[]> {
    if (this.gate.isClosed) await this.gate.passed();
    return this.inner.find(filter, options);
  }

  async findOne(filter: Filter, options?: FindOptions): Promise<T | null> {
    if (this.gate.isClosed) await this.gate.passed();
    return this.inner.findOne(filter, options);
  }

  async findPage(filter: Filter, options: PageOptions): Promise<FoundPage<T>> {
    if (this.gate.isClosed) await this.gate.passed();
    return this.inner.findPage(filter, options);
  }

  async countDocuments(filter?: Filter): Promise<number> {
    if (this.gate.isClosed) await this.gate.passed();
    return this.inner.countDocuments(filter);
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    if (this.gate.isClosed) await this.gate.passed();
    return this.inner.aggregate<R>(pipeline);
  }

  insertOne(document: T): Promise<void> {
    return this.inner.insertOne(document);
  }

  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return this.inner.updateOne(filter, update, options);
  }

  updateMany(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult> {
    return this.inner.updateMany(filter, update, options);
  }

  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult> {
    return this.inner.replaceOne(filter, replacement, options);
  }

  deleteMany(filter: Filter): Promise<DeleteResult> {
    return this.inner.deleteMany(filter);
  }

  bulkWrite(operations: readonly BulkOperation<T>[], options?: BulkWriteOptions): Promise<BulkWriteResult> {
    return this.inner.bulkWrite(operations, options);
  }

  createIndex(spec: IndexSpec): Promise<string> {
    return this.inner.createIndex(spec);
  }

  drop(): Promise<void> {
    return this.inner.drop();
  }
}
