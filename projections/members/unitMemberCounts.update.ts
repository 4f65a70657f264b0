import { assertNever } from '../../src/domain/shared/assertNever';
import type { BulkOperation, ReadStore } from '../../src/readstore/readStore';
import { COUNTED_INTERVALS, MEMBERSHIPS, type CountedInterval, type MembershipDocument } from './memberships.documents';
import { membershipsInUnitYears } from './memberships.years';
import { yearDocumentId, yearOf } from './unitMemberCounts.compute';
import {
  netDeltas,
  updatedCountDocuments,
  type IntervalDelta,
  type NetDeltas,
  type StartsWanted,
  type StoredCounts,
  type YearStarts,
} from './unitMemberCounts.delta';
import { UNIT_MEMBER_COUNTS, type UnitMemberCountDocument } from './unitMemberCounts.documents';
import { markAffected, recountUnits, type AffectedUnits } from './unitMemberCounts.recount';

/** What a batch changed in the units' counts: the interval deltas of each unit, and the units whose stored memberships cannot tell them. */
export interface CountChanges {
  readonly deltas: Map<string, UnitDeltas>;
  readonly recount: AffectedUnits;
}

export type UnitDeltas = { level: 'branch' | 'group'; deltas: IntervalDelta[] };

/** Reads of documents and starts per unit, before a unit left unsettled is recounted (each read widens what is known; a few suffice). */
const MAX_ROUNDS = 12;
const UNORDERED_HANDED_OVER = { ordered: false, handOver: true } as const;
const READ_ONLY = { readOnly: true } as const;

type Pending = { unitId: string; level: UnitDeltas['level']; net: NetDeltas; stored: StoredCounts; starts?: YearStarts };
type Wanted<T> = { unit: Pending; wanted: T };

/**
 * Applies the changes to the stored count documents (`updatedCountDocuments`), reading per
 * unit only the documents from the year of its earliest delta on and, where a position needs
 * them, the memberships starting in a few years; recounts the units whose documents are not
 * what a recount makes, or whose memberships a batch that stopped half way may have rewritten
 * already. Its cost is that of the batch, not of the units' history. The memberships are
 * written before: the starts read are the batch's.
 */
export async function updateUnitCounts(store: ReadStore, changes: CountChanges): Promise<void> {
  const recount: AffectedUnits = { branches: new Map(changes.recount.branches), groups: new Map(changes.recount.groups) };
  const toRecount = (unitId: string, level: UnitDeltas['level'], deltas: readonly IntervalDelta[]): void => {
    const units = level === 'branch' ? recount.branches : recount.groups;
    for (const { validFrom } of deltas) markAffected(units, unitId, validFrom);
  };
  const counts = store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS);
  const nets = [...changes.deltas]
    .filter(([unitId, { level, deltas }]) => {
      if (!recount.branches.has(unitId) && !recount.groups.has(unitId)) return true;
      toRecount(unitId, level, deltas);
      return false;
    })
    .map(([unitId, { level, deltas }]) => ({ unitId, level, net: netDeltas(deltas) }))
    // Deltas that cancel out (an interval removed and added again as it was) change nothing.
    .filter(({ net }) => net.changedYear !== Infinity);
  const afters = new Map((await counts.find({ _id: { $in: nets.map(({ unitId }) => unitId) } }, READ_ONLY)).map((document) => [document._id, document]));
  let pending: Pending[] = nets.map((unit) => ({ ...unit, stored: { after: afters.get(unit.unitId), fromYear: Infinity, years: new Map() } }));
  const writes: BulkOperation<UnitMemberCountDocument>[] = [];
  for (let round = 0; pending.length > 0; round++) {
    const documents: Wanted<number>[] = [];
    const starts: Wanted<StartsWanted>[] = [];
    for (const unit of pending) {
      const update = updatedCountDocuments(unit.unitId, unit.stored, unit.net, unit.starts);
      switch (update.kind) {
        case 'documents':
          for (const document of update.writes) writes.push({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } });
          for (const _id of update.deletes) writes.push({ deleteOne: { filter: { _id } } });
          break;
        case 'needsDocuments':
          documents.push({ unit, wanted: update.fromYear });
          break;
        case 'needsStarts':
          starts.push({ unit, wanted: update.starts });
          break;
        case 'recount':
          toRecount(unit.unitId, unit.level, unit.net.deltas);
          break;
        default:
          assertNever(update);
      }
    }
    pending = [...documents, ...starts].map(({ unit }) => unit);
    if (round + 1 >= MAX_ROUNDS) {
      for (const unit of pending) toRecount(unit.unitId, unit.level, unit.net.deltas);
      break;
    }
    await Promise.all([readDocuments(store, documents), readStarts(store, starts)]);
  }
  if (writes.length > 0) await counts.bulkWrite(writes, UNORDERED_HANDED_OVER);
  await recountUnits(store, recount);
}

/** Reads each unit's year documents from the year it wants up to the first already read (none after its last change). */
async function readDocuments(store: ReadStore, wanted: readonly Wanted<number>[]): Promise<void> {
  if (wanted.length === 0) return;
  const ids: string[] = [];
  const upTo = ({ stored }: Pending): number => Math.min(stored.fromYear - 1, yearOf(stored.after!.from) - 1);
  for (const { unit, wanted: fromYear } of wanted) for (let year = fromYear; year <= upTo(unit); year++) ids.push(yearDocumentId(unit.unitId, year));
  const found = new Map((await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({ _id: { $in: ids } }, READ_ONLY)).map((d) => [d._id, d]));
  for (const { unit, wanted: fromYear } of wanted) {
    const years = new Map(unit.stored.years);
    for (let year = fromYear; year <= upTo(unit); year++) {
      const document = found.get(yearDocumentId(unit.unitId, year));
      if (document !== undefined) years.set(year, document);
    }
    unit.stored = { after: unit.stored.after, fromYear: Math.min(fromYear, unit.stored.fromYear), years };
  }
}

/**
 * Reads the latest position among each unit's memberships starting in each year it wants, from
 * those overlapping the years (`membershipsInUnitYears`). With `throughOpen`, also every later
 * year: no membership of a unit starting after its last change of count reaches beyond the
 * start of one of its open memberships (where one ends after the last change, another starts,
 * since the count stays), so the years up to the latest such start are all there is to read.
 */
async function readStarts(store: ReadStore, wanted: readonly Wanted<StartsWanted>[]): Promise<void> {
  if (wanted.length === 0) return;
  const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
  const read = async (ranges: Map<Pending, { fromYear: number; toYear: number; withOpen?: boolean }>): Promise<Map<Pending, CountedInterval[]>> => {
    const found: CountedInterval[] = await memberships.find(
      membershipsInUnitYears([...ranges].map(([unit, range]) => ({ unitId: unit.unitId, ...range }))),
      COUNTED_INTERVALS,
    );
    const byUnit = new Map([...ranges.keys()].map((unit) => [unit.unitId, unit]));
    const result = new Map<Pending, CountedInterval[]>([...ranges.keys()].map((unit) => [unit, []]));
    for (const interval of found) {
      for (const unitId of [interval.branchId, interval.groupId]) {
        const unit = unitId === null ? undefined : byUnit.get(unitId);
        if (unit !== undefined) result.get(unit)!.push(interval);
      }
    }
    return result;
  };
  const first = await read(new Map(wanted.map(({ unit, wanted: { fromYear, toYear } }) => [unit, { fromYear, toYear }])));
  // The open memberships came with the first read.
  const later = new Map<Pending, { fromYear: number; toYear: number; withOpen: false }>();
  for (const { unit, wanted: range } of wanted) {
    if (!range.throughOpen) continue;
    let latestOpen = -Infinity;
    for (const { validFrom, validTo } of first.get(unit)!) if (validTo === null) latestOpen = Math.max(latestOpen, yearOf(validFrom));
    if (latestOpen > range.toYear) later.set(unit, { fromYear: Math.max(range.toYear + 1, range.fromYear), toYear: latestOpen, withOpen: false });
  }
  const second = later.size > 0 ? await read(later) : new Map<Pending, CountedInterval[]>();
  for (const { unit, wanted: range } of wanted) {
    const toYear = later.get(unit)?.toYear ?? range.toYear;
    const latest = new Map<number, string>();
    for (const { validFrom, position } of [...first.get(unit)!, ...(second.get(unit) ?? [])]) {
      const year = yearOf(validFrom);
      if (year < range.fromYear || year > toYear) continue;
      if (position > (latest.get(year) ?? '')) latest.set(year, position);
    }
    unit.starts = { ...range, latest };
  }
}
