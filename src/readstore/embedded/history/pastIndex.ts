import type { Document, IndexSpec } from '../../readStore';
import { FieldIndex, lookupKeys } from '../indexes';
import type { IndexKey } from '../keys';
import { firstIndexAbove } from './risingList';

/** The past versions holding one key: version i was the document `ids[i]` from the end of epoch `from[i]` until a write of epoch `until[i]`. */
interface Holders {
  readonly ids: string[];
  readonly from: number[];
  readonly until: number[];
}

/**
 * The keys past versions of a collection's documents held in one of its secondary indexes, each
 * with the epochs its version stood in, so that a query at an epoch lists only the versions
 * standing then (not every version ever holding the key: over decades, most of a branch's
 * members held `branchId` once). Versions are recorded as epochs go by, so each key's versions
 * are in order of `until`: those still standing after an epoch are a tail, found by binary search.
 */
export class PastIndex {
  private readonly keys: FieldIndex;
  private readonly entries = new Map<IndexKey, Holders>();

  constructor(readonly spec: IndexSpec) {
    this.keys = new FieldIndex({ ...spec, unique: false });
  }

  /** A version of a document that stood from the end of epoch `from` until a write of epoch `until`; added in the order of `until`. */
  add(document: Document, from: number, until: number): void {
    for (const key of new Set(this.keys.keysOf(document))) {
      const holders = this.entries.get(key);
      if (holders === undefined) this.entries.set(key, { ids: [document._id], from: [from], until: [until] });
      else {
        holders.ids.push(document._id);
        holders.from.push(from);
        holders.until.push(until);
      }
    }
  }

  /** An upper bound of how many versions `idsAt` would list. */
  count(values: readonly unknown[]): number {
    let total = 0;
    for (const key of lookupKeys(values)) total += this.entries.get(key)?.ids.length ?? 0;
    return total;
  }

  /** The ids of the versions standing at the end of `epoch` that held one of these values (an id may repeat). */
  idsAt(values: readonly unknown[], epoch: number): string[] {
    const ids: string[] = [];
    for (const key of lookupKeys(values)) {
      const holders = this.entries.get(key);
      if (holders === undefined) continue;
      const { until, from } = holders;
      for (let at = firstIndexAbove(until, epoch); at < until.length; at++) if (from[at] <= epoch) ids.push(holders.ids[at]);
    }
    return ids;
  }
}
