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
  Projection,
  Update,
  UpdateOptions,
  UpdateResult,
} from '../readStore';
import type { StoredCollection } from './storedCollection';
import type { CompiledQueries } from './compiledQueries';
import { sortDocuments } from './sortOrder';
import { cloneDocument, cloneValue, freezeValue, isPlainObject } from './values';
import { deleteDocuments, insertDocument, REPLACED, replaceDocument, replaceIn, updateDocuments } from './writes';

/** One collection of an `EmbeddedReadStore`; a typed view over its shared state. */
export class EmbeddedCollection<T extends Document> implements Collection<T> {
  constructor(
    private readonly state: StoredCollection,
    private readonly compiled: CompiledQueries,
  ) {}

  get name(): string {
    return this.state.name;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.findNow(filter, options);
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    return this.findNow(filter, { ...options, limit: 1 })[0] ?? null;
  }

  /** One pass over the candidates gives both the total and the page. */
  async findPage(filter: Filter, { sort, limit, after, projection }: PageOptions): Promise<FoundPage<T>> {
    const matched = this.state.match(filter);
    const afterMatcher = after === undefined ? undefined : this.compiled.matcher(after);
    const onPage = afterMatcher === undefined ? matched : matched.filter((document) => afterMatcher.test(document));
    const documents = this.present(sortDocuments(onPage, sort, limit).slice(0, limit), projection);
    return { documents, totalCount: matched.length };
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.state.count(filter);
  }

  async aggregate<R = Record<string, unknown>>(pipeline: Pipeline): Promise<R[]> {
    const [first, ...rest] = pipeline;
    const leadingMatch = first !== undefined && isPlainObject(first.$match) ? first.$match : undefined;
    // A leading $match goes through the index planner; mingo runs the rest.
    const inputs = leadingMatch === undefined ? this.state.match({}) : this.state.match(leadingMatch);
    const stages = leadingMatch === undefined ? pipeline : rest;
    if (stages.length === 0) return inputs.map(cloneDocument) as R[];
    // Stages that only read their input run on the stored documents; their (usually few)
    // results are copied instead, so stored state is still never handed out.
    if (stages.every(readsOnly)) return this.compiled.pipeline(stages).run(inputs).map(cloneValue) as R[];
    return this.compiled.pipeline(stages).run(inputs.map(cloneDocument)) as R[];
  }

  async insertOne(document: T): Promise<void> {
    insertDocument(this.state, document);
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateDocuments(this.state, filter, update, { upsert: options.upsert === true, multi: false });
  }

  async updateMany(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateDocuments(this.state, filter, update, { upsert: options.upsert === true, multi: true });
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    return replaceDocument(this.state, filter, replacement, options.upsert === true);
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    return { deletedCount: deleteDocuments(this.state, filter, Infinity) };
  }

  /** Unordered operations run in the order given too (one of the orders MongoDB may take), each whatever failed before it. */
  async bulkWrite(operations: readonly BulkOperation<T>[], options: BulkWriteOptions = {}): Promise<BulkWriteResult> {
    const result = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
    const handedOver = options.handOver === true;
    if (options.ordered !== false) {
      for (const operation of operations) this.write(operation, result, handedOver);
      return result;
    }
    const failures: unknown[] = [];
    for (const operation of operations) {
      try {
        this.write(operation, result, handedOver);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
    return result;
  }

  /** One operation of a bulk write, its counts added to `result`. */
  private write(operation: BulkOperation<T>, result: BulkWriteResult, handedOver: boolean): void {
    if ('insertOne' in operation) {
      insertDocument(this.state, operation.insertOne.document, handedOver);
      result.insertedCount++;
      return;
    }
    if ('deleteOne' in operation) {
      result.deletedCount += deleteDocuments(this.state, operation.deleteOne.filter, 1);
      return;
    }
    if ('deleteMany' in operation) {
      result.deletedCount += deleteDocuments(this.state, operation.deleteMany.filter, Infinity);
      return;
    }
    if ('replaceOne' in operation) {
      const { filter, replacement, upsert } = operation.replaceOne;
      const replaced = replaceIn(this.state, filter, replacement, upsert === true, handedOver);
      if (replaced === REPLACED.UPSERTED) result.upsertedCount++;
      else if (replaced !== REPLACED.NOTHING) result.matchedCount++;
      if (replaced === REPLACED.MODIFIED) result.modifiedCount++;
      return;
    }
    let update: UpdateResult;
    if ('updateOne' in operation) {
      const { filter, update: operators, upsert } = operation.updateOne;
      update = updateDocuments(this.state, filter, operators, { upsert: upsert === true, multi: false });
    } else {
      const { filter, update: operators, upsert } = operation.updateMany;
      update = updateDocuments(this.state, filter, operators, { upsert: upsert === true, multi: true });
    }
    result.matchedCount += update.matchedCount;
    result.modifiedCount += update.modifiedCount;
    result.upsertedCount += update.upsertedCount;
  }

  async createIndex(spec: IndexSpec): Promise<string> {
    return this.state.createIndex(spec);
  }

  async drop(): Promise<void> {
    this.state.drop();
  }

  private findNow(filter: Filter, { sort, skip = 0, limit, projection, readOnly = false }: FindOptions): T[] {
    const wanted = limit === undefined || limit === 0 ? undefined : skip + Math.abs(limit);
    const hasSort = sort !== undefined && Object.keys(sort).length > 0;
    const matched = this.state.match(filter, hasSort ? Infinity : wanted);
    const ordered = hasSort ? sortDocuments(matched, sort, wanted) : matched;
    const page = skip === 0 && (wanted === undefined || wanted >= ordered.length) ? ordered : ordered.slice(skip, wanted);
    return this.present(page, projection, readOnly);
  }

  /**
   * Stored documents for the caller, projected when asked: copies, or for a caller that only
   * reads, the stored documents themselves (or their picked fields), frozen first, so that a
   * caller breaking its word fails at once instead of changing what is stored.
   */
  private present(page: Document[], projection: Projection | undefined, readOnly = false): T[] {
    if (readOnly) for (const document of page) freezeValue(document);
    if (projection === undefined || Object.keys(projection).length === 0) return (readOnly ? page : page.map(cloneDocument)) as T[];
    return (readOnly ? this.compiled.sharedProjection(projection) : this.compiled.projection(projection))(page) as T[];
  }
}

/** Pipeline stages that build new documents or reorder them, and never modify their input. */
const READ_ONLY_STAGES = new Set(['$match', '$group', '$sort', '$limit', '$skip', '$count', '$project']);

function readsOnly(stage: Record<string, unknown>): boolean {
  const keys = Object.keys(stage);
  return keys.length === 1 && READ_ONLY_STAGES.has(keys[0]);
}
