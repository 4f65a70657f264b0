import type { Document, Filter } from '../../src/readstore/readStore';
import type { Positioned } from './documentCache';

/** A read-model document: it remembers the position of the last event applied to it. */
export type ProjectedDocument = Document & Positioned;

/** What `evolve` may know besides the document and the event. */
export interface EvolveContext<D> {
  /** The id of the document being evolved (also when there is none yet). */
  readonly id: string;
  /** Another document of the collection as the batch has it so far (read by `documentIds`, `reads` or `found`). */
  get(id: string): D | undefined;
}

/**
 * Documents an event changes that only a query finds (the open transfers of a member who
 * leaves): read once for the batch, then matched in memory, where the batch's changes are.
 */
export interface FoundDocuments<E, D> {
  /** The stored documents the batch's events may change beyond their ids; undefined: none. */
  readonly filter: (events: readonly E[]) => Filter | undefined;
  /** For an event that changes every document matching a predicate, that predicate. */
  readonly matching: (event: E) => ((document: D) => boolean) | undefined;
  /**
   * A key every document `matching(event)` selects holds (`ofDocument(document) === ofEvent(event)`),
   * which never changes for a document: the batch then tests only the documents with the event's
   * key, not every one it holds. Optional; it changes no result.
   */
  readonly key?: { readonly ofEvent: (event: E) => string; readonly ofDocument: (document: D) => string };
}

/** How events change the documents of one collection: which ones, and a pure evolve. */
export interface DocumentRules<E, D> {
  /** The ids of the documents an event changes, in the order they are evolved. */
  readonly documentIds: (event: E) => readonly string[];
  /** Ids of other documents `evolve` reads through its context (a unit's parent). */
  readonly reads?: (event: E) => readonly string[];
  /** Documents found by a query; evolved before those of `documentIds`. */
  readonly found?: FoundDocuments<E, D>;
  /** The document after the event; undefined leaves it as it is (or absent). */
  readonly evolve: (document: D | undefined, event: E, context: EvolveContext<D>) => D | undefined;
}
