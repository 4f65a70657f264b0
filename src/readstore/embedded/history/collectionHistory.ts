import type { Document, IndexSpec } from '../../readStore';
import type { HistoryClock } from './historyClock';
import { PastIndex } from './pastIndex';
import { firstIndexAbove } from './risingList';

/** The epoch a version stood from when it was there before the first mark. */
const BEFORE_RECORDING = -1;

/** What a document was until a write of epoch `until` replaced or removed it (`undefined`: it did not exist). */
interface PastVersion {
  readonly until: number;
  readonly document: Document | undefined;
}

/**
 * The past versions of one collection's documents: for each document written since the first
 * mark, what it was before the first write of each epoch (later writes of the same epoch leave
 * nothing behind, so a document costs one version per epoch it changed in, not per write). The
 * keys those versions held in each secondary index stay listed, so that a query at an earlier
 * epoch still finds them through the index.
 */
export class CollectionHistory {
  private readonly versions = new Map<string, PastVersion | PastVersion[]>();
  private readonly pastIndexes = new Map<string, PastIndex>();
  private generation: number;

  constructor(private readonly clock: HistoryClock) {
    this.generation = clock.generation;
  }

  /** Called before a write changes document `id`, which was `before` (`undefined`: absent). */
  record(id: string, before: Document | undefined): void {
    this.catchUp();
    if (!this.clock.recording) return;
    const until = this.clock.epoch;
    const held = this.versions.get(id);
    const version: PastVersion = { until, document: before };
    // `before` has stood since the write that replaced the version before it (since ever, when none was recorded).
    let from = BEFORE_RECORDING;
    if (held === undefined) this.versions.set(id, version);
    else if (Array.isArray(held)) {
      from = held[held.length - 1].until;
      if (from === until) return;
      held.push(version);
    } else {
      from = held.until;
      if (from === until) return;
      this.versions.set(id, [held, version]);
    }
    if (before !== undefined) for (const index of this.pastIndexes.values()) index.add(before, from, until);
  }

  /** Lists the keys past versions hold in a new index of the collection. */
  indexed(spec: IndexSpec, name: string): void {
    this.catchUp();
    if (this.pastIndexes.has(name)) return;
    this.pastIndexes.set(
      name,
      indexOf(
        spec,
        this.keepVersions(() => true),
      ),
    );
  }

  /**
   * Document `id` as it stood at the end of `epoch`: the version the first later write replaced,
   * or `current` when none has been written since.
   */
  at(id: string, epoch: number, current: Document | undefined): Document | undefined {
    this.catchUp();
    const held = this.versions.get(id);
    if (held === undefined) return current;
    if (!Array.isArray(held)) return held.until > epoch ? held.document : current;
    for (const version of held) if (version.until > epoch) return version.document;
    return current;
  }

  /** The ids of documents that have past versions, a superset of those that existed at any earlier epoch but not now. */
  ids(): Iterable<string> {
    this.catchUp();
    return this.versions.keys();
  }

  /** The past index of this name, to find past versions by their keys. */
  pastIndex(name: string): PastIndex | undefined {
    this.catchUp();
    return this.pastIndexes.get(name);
  }

  /** How many past versions are held (for figures and tests). */
  get size(): number {
    this.catchUp();
    let total = 0;
    for (const held of this.versions.values()) total += Array.isArray(held) ? held.length : 1;
    return total;
  }

  /**
   * Drops the versions no mark held needs any more (marks were thinned): a version stands from
   * the end of the epoch its predecessor was replaced in until the write that replaced it, and
   * is kept while one of `keptEpochs` (rising) falls in that span. The past indexes are made
   * again from what is kept, each version with its own span.
   */
  thin(keptEpochs: readonly number[]): void {
    this.catchUp();
    const spans = this.keepVersions((from, until) => {
      const at = firstIndexAbove(keptEpochs, from, true);
      return at < keptEpochs.length && keptEpochs[at] < until;
    });
    for (const [name, index] of this.pastIndexes) this.pastIndexes.set(name, indexOf(index.spec, spans));
  }

  /** Keeps the versions `keep` accepts by the epochs they stood in (`from` until `until`); returns the kept ones that held a document, with their spans. */
  private keepVersions(keep: (from: number, until: number) => boolean): VersionSpan[] {
    const spans: VersionSpan[] = [];
    for (const [id, held] of this.versions) {
      let from = BEFORE_RECORDING;
      const kept: PastVersion[] = [];
      for (const version of Array.isArray(held) ? held : [held]) {
        if (keep(from, version.until)) {
          kept.push(version);
          if (version.document !== undefined) spans.push({ document: version.document, from, until: version.until });
        }
        from = version.until;
      }
      if (kept.length === 0) this.versions.delete(id);
      else if (kept.length !== (Array.isArray(held) ? held.length : 1)) this.versions.set(id, kept.length === 1 ? kept[0] : kept);
    }
    return spans;
  }

  /** Takes over another collection's past (a rebuilt copy this collection adopts). */
  adopt(other: CollectionHistory): void {
    this.versions.clear();
    for (const [id, held] of other.versions) this.versions.set(id, held);
    this.pastIndexes.clear();
    for (const [name, index] of other.pastIndexes) this.pastIndexes.set(name, index);
    other.versions.clear();
    other.pastIndexes.clear();
    this.generation = this.clock.generation;
  }

  /** Forgets the history of the whole store (a collection of it was dropped). */
  forgetStore(): void {
    this.clock.forget();
  }

  clear(): void {
    this.versions.clear();
    for (const [name, index] of this.pastIndexes) this.pastIndexes.set(name, new PastIndex(index.spec));
  }

  /** A history forgotten by the store (its clock) is dropped here too, the first time it is touched. */
  private catchUp(): void {
    if (this.generation === this.clock.generation) return;
    this.generation = this.clock.generation;
    this.clear();
  }
}

/** A past version with the epochs it stood in. */
interface VersionSpan {
  readonly document: Document;
  readonly from: number;
  readonly until: number;
}

/**
 * A past index of these versions, added in the order of `until`, as `record` adds them (the
 * index finds the versions standing at an epoch by binary search on it); the versions map holds
 * them by document, in another order.
 */
function indexOf(spec: IndexSpec, spans: VersionSpan[]): PastIndex {
  const index = new PastIndex(spec);
  spans.sort((a, b) => a.until - b.until);
  for (const { document, from, until } of spans) index.add(document, from, until);
  return index;
}
