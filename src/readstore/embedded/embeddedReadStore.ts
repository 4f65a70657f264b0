import { isBookkeeping, type Collection, type Document, type ReadStore, type ReadStoreHistory } from '../readStore';
import type { CollectionCopy } from './collectionCopy';
import { CollectionState } from './collectionState';
import { CompiledQueries, DEFAULT_COMPILED_CACHE_SIZE } from './compiledQueries';
import { EmbeddedCollection } from './embeddedCollection';
import { CollectionHistory } from './history/collectionHistory';
import { ForkedCollection } from './history/forkedCollection';
import { HistoryClock } from './history/historyClock';
import { QueryStats } from './queryStats';
import type { StoredCollection } from './storedCollection';
import { cloneDocument } from './values';

export interface EmbeddedReadStoreOptions {
  /** How many distinct filters, projections and pipelines stay compiled. Default 1,000. */
  compiledCacheSize?: number;
  /**
   * Keep the past: every write records what it replaces, so that `history` can show the store as
   * it stood at each mark (`knownAt` without a replay). Default true: a store nobody marks
   * records nothing.
   */
  history?: boolean;
}

/** A fork's view of the live store: the collections it reads and the epoch it reads them at. */
interface ForkBase {
  readonly store: EmbeddedReadStore;
  readonly epoch: number;
}

/**
 * An in-process ReadStore with MongoDB semantics (by mingo) and real indexes: an equality,
 * `$eq` or `$in` condition on an indexed field reads only the matching documents.
 */
export class EmbeddedReadStore implements ReadStore {
  /** Counts the documents queries evaluated, so tests can see an index at work. */
  readonly stats = new QueryStats();
  private readonly collections = new Map<string, CollectionState>();
  private readonly forked = new Map<string, ForkedCollection>();
  private readonly compiled: CompiledQueries;
  private readonly compiledCacheSize: number;
  private readonly clock: HistoryClock | undefined;
  private readonly pastOf: ReadStoreHistory | undefined;
  private closed = false;

  constructor(
    options: EmbeddedReadStoreOptions = {},
    private readonly forkBase?: ForkBase,
  ) {
    this.compiledCacheSize = options.compiledCacheSize ?? DEFAULT_COMPILED_CACHE_SIZE;
    this.compiled = new CompiledQueries((name) => this.storedOf(name).match({}).map(cloneDocument), this.compiledCacheSize);
    this.clock = options.history !== false && forkBase === undefined ? new HistoryClock() : undefined;
    this.pastOf = this.clock === undefined ? undefined : this.historyOf(this.clock);
  }

  collection<T extends Document = Document>(name: string): Collection<T> {
    return new EmbeddedCollection<T>(this.storedOf(name), this.compiled);
  }

  /** The store's past, when it keeps one (`EmbeddedReadStoreOptions.history`). */
  get history(): ReadStoreHistory | undefined {
    return this.pastOf;
  }

  private historyOf(clock: HistoryClock): ReadStoreHistory {
    const collections = this.collections;
    const compiledCacheSize = this.compiledCacheSize;
    const store = this;
    return {
      mark(position, maxMarks) {
        if (!clock.mark(position, maxMarks)) return;
        const kept = clock.keptEpochs();
        for (const state of collections.values()) state.history?.thin(kept);
      },
      forkAt(position) {
        const mark = clock.markAtOrBefore(position);
        if (mark === undefined) return undefined;
        clock.pin(mark.epoch);
        const fork = new EmbeddedReadStore({ compiledCacheSize }, { store, epoch: mark.epoch });
        return { store: fork, at: mark.position };
      },
      get generation() {
        return clock.generation;
      },
      get markCount() {
        return clock.marks.length;
      },
      versionCount: () => [...collections.values()].reduce((total, state) => total + (state.history?.size ?? 0), 0),
    };
  }

  async listCollections(): Promise<string[]> {
    if (this.forkBase !== undefined) {
      const names = new Set([...this.forkBase.store.collections.keys(), ...this.forked.keys()]);
      return [...names].filter((name) => this.storedOf(name).exists);
    }
    return [...this.collections.values()].filter((state) => state.exists).map((state) => state.name);
  }

  async createScratch(): Promise<ReadStore> {
    return new EmbeddedReadStore({ compiledCacheSize: this.compiledCacheSize, history: this.clock !== undefined });
  }

  async adopt(scratch: ReadStore): Promise<void> {
    if (!(scratch instanceof EmbeddedReadStore) || this.forkBase !== undefined)
      throw new TypeError('An embedded read store adopts only another embedded read store');
    // Synchronous from here on: no query sees a mix of old and new collections.
    if (this.clock !== undefined) {
      if (scratch.clock !== undefined) this.clock.adopt(scratch.clock);
      else this.clock.forget();
    }
    for (const name of new Set([...this.collections.keys(), ...scratch.collections.keys()])) {
      if (!isBookkeeping(name)) this.stateOf(name).adopt(scratch.stateOf(name));
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
    this.forked.clear();
    // A fork no longer reads its mark: the mark may be thinned away.
    if (this.forkBase !== undefined && !this.closed) this.forkBase.store.clock?.unpin(this.forkBase.epoch);
    this.closed = true;
  }

  /** What a collection handle reads and writes: the live collection, or in a fork its forked collection. */
  private storedOf(name: string): StoredCollection {
    const base = this.forkBase;
    if (base === undefined) return this.stateOf(name);
    let forked = this.forked.get(name);
    if (forked === undefined) {
      forked = new ForkedCollection(base.store.collections.get(name), base.epoch, this.stateOf(name));
      this.forked.set(name, forked);
    }
    return forked;
  }

  private stateOf(name: string): CollectionState {
    let state = this.collections.get(name);
    if (state === undefined) {
      const history = this.clock === undefined ? undefined : new CollectionHistory(this.clock);
      state = new CollectionState(name, this.compiled, this.stats, history);
      this.collections.set(name, state);
    }
    return state;
  }
}
