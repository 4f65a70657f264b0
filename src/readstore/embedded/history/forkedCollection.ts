import { DuplicateKeyError, type Document, type Filter, type IndexSpec } from '../../readStore';
import type { CollectionState } from '../collectionState';
import type { StoredCollection } from '../storedCollection';

/**
 * One collection of a fork: the live collection as it stood at the end of an epoch, under the
 * fork's own writes. The live collection is only read (its past versions never change), so the
 * fork stays as it was while the live store moves on. Writes go to the fork's own documents; an
 * id the fork wrote (or removed) hides the live version of it. Unique indexes are checked among
 * the fork's own documents only: a fork replays what the live store already accepted.
 */
export class ForkedCollection implements StoredCollection {
  private readonly hidden = new Set<string>();
  private dropped = false;

  constructor(
    private readonly base: CollectionState | undefined,
    private readonly epoch: number,
    private readonly own: CollectionState,
  ) {
    for (const spec of base?.indexSpecs ?? []) own.createIndex(spec);
  }

  get name(): string {
    return this.own.name;
  }

  get exists(): boolean {
    return this.own.exists || (!this.dropped && this.base?.exists === true);
  }

  get indexSpecs(): IndexSpec[] {
    const specs = this.dropped || this.base === undefined ? [] : this.base.indexSpecs;
    const names = new Set(specs.map((spec) => spec.name));
    return [...specs, ...this.own.indexSpecs.filter((spec) => !names.has(spec.name))];
  }

  match(filter: Filter, limit = Infinity): Document[] {
    const fromBase = this.dropped || this.base === undefined ? [] : this.base.matchAt(this.epoch, filter, limit, this.hidden);
    if (fromBase.length >= limit) return fromBase;
    const fromOwn = this.own.match(filter, limit - fromBase.length);
    return fromBase.length === 0 ? fromOwn : [...fromBase, ...fromOwn];
  }

  first(filter: Filter): Document | undefined {
    return this.match(filter, 1)[0];
  }

  count(filter: Filter): number {
    return this.match(filter).length;
  }

  insert(document: Document): void {
    if (!this.hidden.has(document._id) && this.baseHas(document._id)) throw new DuplicateKeyError(this.name, '_id_', { _id: document._id });
    this.own.insert(document);
    this.hidden.add(document._id);
  }

  replace(before: Document, after: Document): void {
    if (this.hidden.has(before._id)) this.own.replace(before, after);
    else {
      this.own.insert(after);
      this.hidden.add(after._id);
    }
  }

  remove(document: Document): void {
    if (this.hidden.has(document._id)) this.own.remove(document);
    else this.hidden.add(document._id);
  }

  createIndex(spec: IndexSpec): string {
    return this.own.createIndex(spec);
  }

  drop(): void {
    this.dropped = true;
    this.own.drop();
  }

  private baseHas(id: string): boolean {
    return !this.dropped && this.base !== undefined && this.base.matchAt(this.epoch, { _id: id }, 1, this.hidden).length > 0;
  }
}
