import { Aggregator, Query } from 'mingo';
import type { Document, Filter, Pipeline, Projection } from '../readStore';
import { simpleFieldPicker } from './fieldPicker';
import { exactKey } from './keys';
import { LruCache } from './lruCache';
import { cloneDocument, cloneValue } from './values';

/** Projects stored documents into fresh copies. */
export type CompiledProjection = (stored: readonly Document[]) => Document[];

/** Resolves a collection name to its documents, for `$lookup`. */
export type CollectionResolver = (name: string) => Record<string, unknown>[];

/** Default number of distinct filters, projections and pipelines kept compiled. */
export const DEFAULT_COMPILED_CACHE_SIZE = 1000;

/**
 * Compiling a mingo query or pipeline costs far more than evaluating it on a handful of
 * candidates, and projections and resolvers send the same shapes over and over: so compile
 * each distinct one once.
 */
export class CompiledQueries {
  private readonly filters: LruCache<Query<Document>>;
  private readonly projections: LruCache<CompiledProjection>;
  private readonly pipelines: LruCache<Aggregator>;

  constructor(
    private readonly resolveCollection: CollectionResolver,
    capacity: number = DEFAULT_COMPILED_CACHE_SIZE,
  ) {
    this.filters = new LruCache(capacity);
    this.projections = new LruCache(capacity);
    this.pipelines = new LruCache(capacity);
  }

  // Compiled from a copy: the cache key must keep describing the query if the caller later
  // mutates the object it passed.
  filter(filter: Filter): Query<Document> {
    return this.filters.getOrCreate(exactKey(filter), () => new Query<Document>(copy(filter)));
  }

  projection(projection: Projection): CompiledProjection {
    return this.projections.getOrCreate(exactKey(projection), () => {
      const pick = simpleFieldPicker(projection);
      if (pick !== undefined) return (stored) => stored.map(pick);
      const aggregator = new Aggregator([{ $project: copy(projection) }]);
      return (stored) => aggregator.run(stored.map(cloneDocument)) as Document[];
    });
  }

  pipeline(pipeline: Pipeline): Aggregator {
    return this.pipelines.getOrCreate(
      exactKey(pipeline),
      () => new Aggregator(copy(pipeline), { collectionResolver: this.resolveCollection }),
    );
  }
}

function copy<V>(value: V): V {
  return cloneValue(value) as V;
}
