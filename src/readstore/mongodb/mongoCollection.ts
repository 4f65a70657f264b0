import { ObjectId, type AnyBulkWriteOperation, type Collection as DriverCollection, type Document as DriverDocument } from 'mongodb';
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
  IndexSpec,
  PageOptions,
  Pipeline,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../readStore';
import { translated } from './mongoErrors';

/**
 * One MongoDB collection behind the port: each call is the driver call of the same name, on the
 * driver collection `source` names at the time of the call (the read store's current generation).
 */
export class MongoCollection<T extends Document> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly source: () => DriverCollection<Document>,
  ) {}

  private get driver(): DriverCollection<Document> {
    return this.source();
  }

  // Every document the driver returns is a fresh one: `readOnly` changes nothing here.
  async find(filter: Filter, { readOnly: _fresh, ...options }: FindOptions = {}): Promise<T[]> {
    const documents = await this.driver.find(filter, options).toArray();
    return documents as T[];
  }

  async findOne(filter: Filter, { readOnly: _fresh, ...options }: FindOptions = {}): Promise<T | null> {
    const document = await this.driver.findOne(filter, options);
    return document as T | null;
  }

  async findPage(filter: Filter, { sort, limit, after, projection }: PageOptions): Promise<FoundPage<T>> {
    const [totalCount, documents] = await Promise.all([
      this.driver.countDocuments(filter),
      this.driver.find(after ? { $and: [filter, after] } : filter, { sort, limit, projection }).toArray(),
    ]);
    return { documents: documents as T[], totalCount };
  }

  countDocuments(filter: Filter = {}): Promise<number> {
    return this.driver.countDocuments(filter);
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    return this.driver.aggregate<R & DriverDocument>(pipeline).toArray();
  }

  async insertOne(document: T): Promise<void> {
    // The driver would add an ObjectId `_id` to the caller's object; give it a copy.
    await translated(this.name, () => this.driver.insertOne({ ...document }));
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await translated(this.name, () => this.driver.updateOne(filter, withStringId(filter, update, options.upsert), options));
    return updateResult(result);
  }

  async updateMany(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await translated(this.name, () => this.driver.updateMany(filter, withStringId(filter, update, options.upsert), options));
    return updateResult(result);
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const result = await translated(this.name, () => this.driver.replaceOne(filter, replacementWithStringId(filter, replacement, options.upsert), options));
    return updateResult(result);
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    const { deletedCount } = await this.driver.deleteMany(filter);
    return { deletedCount };
  }

  /** The driver serializes the documents as it sends them: `handOver` changes nothing here. */
  async bulkWrite(operations: readonly BulkOperation<T>[], options: BulkWriteOptions = {}): Promise<BulkWriteResult> {
    if (operations.length === 0) {
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
    }
    const ordered = options.ordered !== false;
    const result = await translated(this.name, () => this.driver.bulkWrite(operations.map(driverOperation), { ordered }));
    const { insertedCount, matchedCount, modifiedCount, upsertedCount, deletedCount } = result;
    return { insertedCount, matchedCount, modifiedCount, upsertedCount, deletedCount };
  }

  createIndex(spec: IndexSpec): Promise<string> {
    return translated(this.name, () =>
      this.driver.createIndex(spec.keys, { unique: spec.unique === true, ...(spec.name === undefined ? {} : { name: spec.name }) }),
    );
  }

  async drop(): Promise<void> {
    await this.driver.drop();
  }
}

type DriverUpdateResult = Awaited<ReturnType<DriverCollection<Document>['updateOne']>>;

function updateResult({ matchedCount, modifiedCount, upsertedCount, upsertedId }: DriverUpdateResult): UpdateResult {
  return upsertedId === null ? { matchedCount, modifiedCount, upsertedCount } : { matchedCount, modifiedCount, upsertedCount, upsertedId: String(upsertedId) };
}

function newStringId(): string {
  return new ObjectId().toHexString();
}

/**
 * Ids are strings in this port; an upsert whose filter names no `_id` would otherwise get an ObjectId.
 */
function withStringId(filter: Filter, update: Update, upsert: boolean | undefined): Update {
  if (upsert !== true || filter._id !== undefined) return update;
  const onInsert = update.$setOnInsert;
  if (typeof onInsert === 'object' && onInsert !== null && '_id' in onInsert) return update;
  return { ...update, $setOnInsert: { ...(typeof onInsert === 'object' ? onInsert : {}), _id: newStringId() } };
}

function replacementWithStringId<T extends Document>(filter: Filter, replacement: T, upsert: boolean | undefined): T {
  if (upsert !== true || filter._id !== undefined || replacement._id !== undefined) return replacement;
  return { ...replacement, _id: newStringId() };
}

function driverOperation<T extends Document>(operation: BulkOperation<T>): AnyBulkWriteOperation<Document> {
  if ('insertOne' in operation) return { insertOne: { document: { ...operation.insertOne.document } } };
  if ('updateOne' in operation) {
    const { filter, update, upsert } = operation.updateOne;
    return { updateOne: { filter, update: withStringId(filter, update, upsert), upsert } };
  }
  if ('updateMany' in operation) {
    const { filter, update, upsert } = operation.updateMany;
    return { updateMany: { filter, update: withStringId(filter, update, upsert), upsert } };
  }
  if ('replaceOne' in operation) {
    const { filter, replacement, upsert } = operation.replaceOne;
    return { replaceOne: { filter, replacement: replacementWithStringId(filter, replacement, upsert), upsert } };
  }
  if ('deleteOne' in operation) return { deleteOne: operation.deleteOne };
  return { deleteMany: operation.deleteMany };
}
