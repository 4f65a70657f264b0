import type { PositionedEvent } from '../../src/domain/events';
import type { BulkOperation, IndexSpec } from '../../src/readstore/readStore';
import { createIndexes, forgetDocuments, type DeclaredCollection, type ForgottenDocuments } from './declaredCollection';
import type { ProjectedDocument } from './documentRules';

/** A collection whose documents follow from their event alone (one attendance record per member a meeting lists). */
export interface DerivedCollectionDeclaration<E extends PositionedEvent, D extends ProjectedDocument> {
  readonly collection: string;
  readonly indexes?: readonly IndexSpec['keys'][];
  /** The documents an event makes; of two with the same id, the later stands. */
  readonly documentsOf: (event: E) => readonly D[];
  /** The documents a targeted correction removes before replaying the scope's events. */
  readonly forgets: ForgottenDocuments;
}

/**
 * A declared collection of documents made by their event alone: a batch writes them without
 * reading what is stored (a replayed event writes the same documents again).
 */
export function derivedCollection<E extends PositionedEvent, D extends ProjectedDocument>(
  declaration: DerivedCollectionDeclaration<E, D>,
): DeclaredCollection<E> {
  const { collection, indexes = [], documentsOf, forgets } = declaration;
  return {
    collection,
    setup: (store) => createIndexes(store, collection, indexes),
    async apply(events, store) {
      // What a DocumentCache would hold, without reading anything: each id once, in the order first made, the later document standing.
      const documents = new Map<string, D>();
      for (const event of events) for (const document of documentsOf(event)) documents.set(document._id, document);
      if (documents.size === 0) return;
      const writes: BulkOperation<D>[] = [];
      for (const document of documents.values()) writes.push({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } });
      // One write per id, each document made for it: unordered, handed over.
      await store.collection<D>(collection).bulkWrite(writes, { ordered: false, handOver: true });
    },
    forget: (scope, store) => forgetDocuments(store, collection, forgets(scope)),
  };
}
