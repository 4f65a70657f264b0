import type { Collection, Document, ReadStore } from '../readStore';
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

  constructor(options: EmbeddedReadStoreOptions = {}) {
    this.compiled = new CompiledQueries(
      (name) => this.stateOf(name).match({}).map(cloneDocument),
      options.compiledCacheSize ?? DEFAULT_COMPILED_CACHE_SIZE,
    );
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(this.stateOf(name), this.compiled);
  }

  async listCollections(): Promise<string[]> {
    return [...this.collections.values()].filter((state) => state.exists).map((state) => state.name);
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
