import type { PositionedEvent } from '../../src/domain/events';
import type { Filter, IndexSpec, ReadStore } from '../../src/readstore/readStore';
import type { CorrectionScope } from './correctionScope';
import { DocumentCache } from './documentCache';
import type { DocumentRules, ProjectedDocument } from './documentRules';
import { foldEvents, loadDocuments } from './foldEvents';

/** One collection of a declared projection: its name, its indexes, and how events change its documents. */
export interface CollectionDeclaration<E extends PositionedEvent, D extends ProjectedDocument> extends DocumentRules<E, D> {
  readonly collection: string;
  /** The keys of every index its queries need. */
  readonly indexes?: readonly IndexSpec['keys'][];
  /** The order of the batch's bulk write; default: the order the documents were read or made. */
  readonly writeOrder?: (a: D, b: D) => number;
  /** The documents a targeted correction removes before replaying the scope's events (see CorrectionScope); undefined: none. */
  readonly forgets: ForgottenDocuments;
}

/** Which documents of a collection only the scope's events made; undefined when none of them did. */
export type ForgottenDocuments = (scope: CorrectionScope) => Filter | undefined;

/** A declared collection, ready to apply: the batch loop over its documents. */
export interface DeclaredCollection<E extends PositionedEvent> {
  readonly collection: string;
  setup(store: ReadStore): Promise<void>;
  /** Reads the documents the events change, folds the events into them and writes them back in one bulk write. */
  apply(events: readonly E[], store: ReadStore): Promise<void>;
  /** Removes the documents `forgets` names (before a targeted correction's replay). */
  forget(scope: CorrectionScope, store: ReadStore): Promise<void>;
}

export function declaredCollection<E extends PositionedEvent, D extends ProjectedDocument>(declaration: CollectionDeclaration<E, D>): DeclaredCollection<E> {
  const { collection, indexes = [], writeOrder, forgets } = declaration;
  return {
    collection,
    setup: (store) => createIndexes(store, collection, indexes),
    async apply(events, store) {
      const documents = new DocumentCache(store.collection<D>(collection));
      await loadDocuments(documents, events, declaration);
      foldEvents(documents, events, declaration);
      await documents.flush(writeOrder);
    },
    forget: (scope, store) => forgetDocuments(store, collection, forgets(scope)),
  };
}

/** Deletes the documents a correction forgets; nothing when `filter` is undefined. */
export async function forgetDocuments(store: ReadStore, collection: string, filter: Filter | undefined): Promise<void> {
  if (filter !== undefined) await store.collection(collection).deleteMany(filter);
}

/** Creates a declared collection's indexes; safe to call again. */
export async function createIndexes(store: ReadStore, collection: string, indexes: readonly IndexSpec['keys'][]): Promise<void> {
  for (const keys of indexes) await store.collection(collection).createIndex({ keys });
}
