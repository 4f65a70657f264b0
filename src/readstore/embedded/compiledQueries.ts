import { Aggregator, Query } from 'mingo';
import type { Document, Filter, Pipeline, Projection } from '../readStore';
import { simpleFieldPicker } from './fieldPicker';
import { exactKey } from './keys';
import { LruCache } from './lruCache';
import { compileNativeFilter, UNDECIDED, YES, type NativePredicate } from './nativeMatcher';
import { cloneDocument, cloneValue } from './values';

/** Projects stored documents into fresh copies. */
export type CompiledProjection = (stored: readonly Document[]) => Document[];

/** Resolves a collection name to its documents, for `$lookup`. */
export type CollectionResolver = (name: string) => Record<string, unknown>[];

/** Tells whether a document matches a filter. */
export interface FilterMatcher {
  test(document: Document): boolean;
}

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
  private readonly sharedProjections: LruCache<CompiledProjection>;
  private readonly pipelines: LruCache<Aggregator>;

  constructor(
    private readonly resolveCollection: CollectionResolver,
    capacity: number = DEFAULT_COMPILED_CACHE_SIZE,
  ) {
    this.filters = new LruCache(capacity);
    this.projections = new LruCache(capacity);
    this.sharedProjections = new LruCache(capacity);
    this.pipelines = new LruCache(capacity);
  }

  // Compiled from a copy: the cache key must keep describing the query if the caller later
  // mutates the object it passed.
  filter(filter: Filter): Query<Document> {
    return this.filters.getOrCreate(exactKey(filter), () => new Query<Document>(copy(filter)));
  }

  /**
   * A matcher giving the compiled mingo query's answers, for use while `filter` is unchanged:
   * natively for a filter of the subset `compileNativeFilter` handles (the mingo query then only
   * decides documents holding values it does not model), else the mingo query itself.
   *
   * The native predicate is not cached: compiling it (well under a microsecond for a typical
   * filter) costs less than computing any string key for it, let alone an LRU lookup.
   */
  matcher(filter: Filter): FilterMatcher {
    const predicate = compileNativeFilter(filter);
    return predicate === undefined ? this.filter(filter) : new NativeMatcher(predicate, () => this.filter(filter));
  }

  projection(projection: Projection): CompiledProjection {
    return this.projections.getOrCreate(exactKey(projection), () => {
      const pick = simpleFieldPicker(projection);
      if (pick !== undefined) return (stored) => stored.map(pick);
      const aggregator = new Aggregator([{ $project: copy(projection) }]);
      return (stored) => aggregator.run<Document>(stored.map(cloneDocument));
    });
  }

  /** Like `projection`, for a caller that only reads: a simple projection's fields are the stored values, not copies. */
  sharedProjection(projection: Projection): CompiledProjection {
    return this.sharedProjections.getOrCreate(exactKey(projection), () => {
      const pick = simpleFieldPicker(projection, true);
      return pick === undefined ? this.projection(projection) : (stored) => stored.map(pick);
    });
  }

  pipeline(pipeline: Pipeline): Aggregator {
    return this.pipelines.getOrCreate(exactKey(pipeline), () => new Aggregator(copy(pipeline), { collectionResolver: this.resolveCollection }));
  }
}

class NativeMatcher implements FilterMatcher {
  private query: Query<Document> | undefined;

  /** `compile` gives the mingo query, fetched on the first document the predicate leaves undecided. */
  constructor(
    private readonly predicate: NativePredicate,
    private readonly compile: () => Query<Document>,
  ) {}

  test(document: Document): boolean {
    const verdict = this.predicate(document);
    if (verdict !== UNDECIDED) return verdict === YES;
    this.query ??= this.compile();
    return this.query.test(document);
  }
}

function copy<V>(value: V): V {
  return cloneValue(value) as V;
}
