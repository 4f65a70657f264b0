import type { Collection, Document, ReadStore } from '../readStore';
import type { CollectionCopy } from './collectionCopy';
import { CollectionState } from './collectionState';
import { CompiledQueries, DEFAULT_COMPILED_CACHE_SIZE } from './compiledQueries';
import { EmbeddedCollection } from './embeddedCollection';
import { QueryStats } from './queryStats';
import { cloneDocument } from './values';

export interface EmbeddedReadStoreOptions {
  /** How many distinct filters, projections and pipelines stay compiled. Default 1,000. */
  compiledCacheSize?: number;
}

/**
 * An in-process ReadStore with MongoDB semantics (by mingo) and real indexes: an equality,
 * `$eq` or `$in` condition on an indexed field reads only the matching documents.
 */
export class EmbeddedReadStore implements ReadStore {
  /** Counts the documents queries evaluated, so tests can see an index at work. */
  readonly stats = new QueryStats();
  private readonly collections = new Map<string, CollectionState>();
  private readonly compiled: CompiledQueries;

  private readonly compiledCacheSize: number;

  constructor(options: EmbeddedReadStoreOptions = {}) {
    this.compiledCacheSize = options.compiledCacheSize ?? DEFAULT_COMPILED_CACHE_SIZE;
    this.compiled = new CompiledQueries((name) => this.stateOf(name).match({}).map(cloneDocument), this.compiledCacheSize);
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(this.stateOf(name), this.compiled);
  }

  async listCollections(): Promise<string[]> {
    return [...this.collections.values()].filter((state) => state.exists).map((state) => state.name);
  }

  async createScratch(): Promise<ReadStore> {
    return new EmbeddedReadStore({ compiledCacheSize: this.compiledCacheSize });
  }

  async adopt(scratch: ReadStore): Promise<void> {
    if (!(scratch instanceof EmbeddedReadStore)) throw new TypeError('An embedded read store adopts only another embedded read store');
    // Synchronous from here on: no query sees a mix of old and new collections.
    for (const name of new Set([...this.collections.keys(), ...scratch.collections.keys()])) {
      this.stateOf(name).adopt(scratch.stateOf(name));
    }
    scratch.collections.clear();
  }

  /**
   * Every existing collection as it stands now, taken synchronously, so that no write falls
   * between two collections: a consistent copy to save while the store keeps serving.
   */
  copy(): CollectionCopy[] {
    return [...this.collections.values()]
      .filter((state) => state.exists)
      .map((state) => ({ name: state.name, indexes: state.indexSpecs, documents: [...state.documents.values()] }));
  }

  /**
   * Adds saved documents to a collection (creating it) as they are: they become the stored
   * documents, not copies, so the caller must hand over objects no one else holds (freshly
   * read from a file, say). Create the collection's indexes first; duplicates are refused as
   * by `insertOne`.
   */
  restore(name: string, documents: readonly Document[]): void {
    const state = this.stateOf(name);
    for (const document of documents) state.insert(document);
    state.exists = true;
  }

  async close(): Promise<void> {
    this.collections.clear();
  }

  private stateOf(name: string): CollectionState {
    let state = this.collections.get(name);
    if (state === undefined) {
      state = new CollectionState(name, this.compiled, this.stats);
      this.collections.set(name, state);
    }
    return state;
  }
}
