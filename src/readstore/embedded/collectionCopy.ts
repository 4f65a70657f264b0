import type { Document, IndexSpec } from '../readStore';

/**
 * One collection of an embedded read store as it stood at one instant: its index specs and its
 * stored documents. The documents are the stored objects themselves, not copies: a write to the
 * store replaces a document with a new object and never changes one in place, so a copy taken
 * synchronously stays as it was while the store moves on.
 */
export interface CollectionCopy {
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  readonly documents: readonly Document[];
}
