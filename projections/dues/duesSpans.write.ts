import type { BulkOperation, Collection } from '../../src/readstore/readStore';
import type { DuesSpanDocument } from './duesSpans.documents';

/** Replaces every stored span of these members with `spans` (theirs), writing only what differs. */
export async function replaceSpans(
  collection: Collection<DuesSpanDocument>,
  memberIds: ReadonlySet<string>,
  spans: readonly DuesSpanDocument[],
): Promise<void> {
  if (memberIds.size === 0) return;
  const stored = new Map((await collection.find({ memberId: { $in: [...memberIds] } }, { readOnly: true })).map((span) => [span._id, span]));
  const writes: BulkOperation<DuesSpanDocument>[] = [];
  for (const span of spans) {
    const before = stored.get(span._id);
    stored.delete(span._id);
    if (before === undefined || !sameSpan(before, span)) writes.push({ replaceOne: { filter: { _id: span._id }, replacement: span, upsert: true } });
  }
  for (const _id of stored.keys()) writes.push({ deleteOne: { filter: { _id } } });
  // One write per span, each span new.
  if (writes.length > 0) await collection.bulkWrite(writes, { ordered: false, handOver: true });
}

function sameSpan(a: DuesSpanDocument, b: DuesSpanDocument): boolean {
  return (
    a.memberId === b.memberId &&
    a.branchId === b.branchId &&
    a.from === b.from &&
    a.to === b.to &&
    a.category === b.category &&
    a.monthlyIncomeMinor === b.monthlyIncomeMinor &&
    a.position === b.position &&
    a.branchYears.join() === b.branchYears.join()
  );
}
