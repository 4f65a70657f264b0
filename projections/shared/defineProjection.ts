import type { OrgEventType } from '../../src/domain/events';
import { declaredCollection, type CollectionDeclaration, type DeclaredCollection } from './declaredCollection';
import type { ProjectedDocument } from './documentRules';
import { isOneOf, type EventOfType } from './handledEvents';
import type { Projection } from './projection';

/** A projection of one collection: its name, the event types it handles, and how they change its documents. */
export type ProjectionDeclaration<T extends OrgEventType, D extends ProjectedDocument> = {
  readonly name: string;
  /** What it writes (`Projection.version`); default 1. */
  readonly version?: number;
  readonly handles: readonly T[];
} & CollectionDeclaration<EventOfType<T>, D>;

/** A projection of several collections, each declared on its own (`declaredCollection`) and applied in order. */
export type CollectionsDeclaration<T extends OrgEventType> = {
  readonly name: string;
  /** What it writes (`Projection.version`); default 1. */
  readonly version?: number;
  readonly handles: readonly T[];
  readonly collections: readonly DeclaredCollection<EventOfType<T>>[];
};

/**
 * A declared projection (in the manner of emmett's): the helper runs the batch loop. Of each
 * batch it takes the events of the types it handles, reads the documents they change, folds
 * each event into them with the pure `evolve` (skipping a document that already has it) and
 * writes the changed ones back in one bulk write per collection.
 */
export function defineProjection<T extends OrgEventType, D extends ProjectedDocument>(declaration: ProjectionDeclaration<T, D>): Projection;
export function defineProjection<T extends OrgEventType>(declaration: CollectionsDeclaration<T>): Projection;
export function defineProjection<T extends OrgEventType, D extends ProjectedDocument>(
  declaration: ProjectionDeclaration<T, D> | CollectionsDeclaration<T>,
): Projection {
  const { name, version = 1, handles } = declaration;
  const parts = 'collections' in declaration ? declaration.collections : [declaredCollection(declaration)];
  const handled = isOneOf(handles);
  return {
    name,
    version,
    collections: parts.map((part) => part.collection),
    handles,
    async setup(store) {
      for (const part of parts) await part.setup(store);
    },
    async apply(events, store) {
      const mine = events.filter(handled);
      if (mine.length === 0) return;
      for (const part of parts) await part.apply(mine, store);
    },
    async forget(scope, store) {
      for (const part of parts) await part.forget(scope, store);
    },
  };
}
