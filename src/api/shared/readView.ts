import type { QuerySet } from '../../app/queries/querySet';

/**
 * The read models one root field answers from: the live ones, or those replayed as recorded at
 * `knownAt`. Every object a resolver returns carries the view it came from, so nested fields
 * answer from the same records; each feature's loaders over a view come from its `viewLoaders`.
 */
export interface ReadView extends QuerySet {
  /** The recorded time this view answers for (ISO-8601); null for the records as they stand now. */
  knownAt: string | null;
  /** The subtree the caller reaches, whose scoped services the view reads through; null for the whole organization. */
  scopeRoot: string | null;
}

export function readView(queries: QuerySet, knownAt: string | null, scopeRoot: string | null = null): ReadView {
  return { ...queries, knownAt, scopeRoot };
}
