import type { Document, Filter, IndexSpec } from '../readStore';

/**
 * The documents of one collection as `EmbeddedCollection` and the write helpers use them: the
 * live collection (`CollectionState`) or a fork of it at an earlier log position
 * (`ForkedCollection`). Documents handed in and out are the stored objects, never changed in place.
 */
export interface StoredCollection {
  readonly name: string;
  readonly exists: boolean;
  readonly indexSpecs: IndexSpec[];
  /** Matching stored documents (not copies); stops after `limit`. */
  match(filter: Filter, limit?: number): Document[];
  first(filter: Filter): Document | undefined;
  count(filter: Filter): number;
  insert(document: Document): void;
  /** `before` is the stored document a match gave; `after` takes its place. */
  replace(before: Document, after: Document): void;
  remove(document: Document): void;
  createIndex(spec: IndexSpec): string;
  drop(): void;
}
