import type { QuerySet } from '../../app/queries/querySet';
import { createRequestLoaders, type RequestLoaders } from './requestLoaders';

/**
 * The read models one root field answers from, with the request's loaders over them: the live
 * ones, or those replayed as recorded at `knownAt`. Every object a resolver returns carries
 * the view it came from, so nested fields answer from the same records.
 */
export interface ReadView extends QuerySet {
  /** The recorded time this view answers for (ISO-8601); null for the records as they stand now. */
  knownAt: string | null;
  loaders: RequestLoaders;
}

export function readView(queries: QuerySet, knownAt: string | null): ReadView {
  return { ...queries, knownAt, loaders: createRequestLoaders(queries) };
}
