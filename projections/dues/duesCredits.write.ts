import type { BulkOperation, Collection } from '../../src/readstore/readStore';
import type { DuesPaymentDocument } from './dues.documents';
import type { DuesCreditDocument } from './duesCredits.documents';

type Credited = Pick<DuesPaymentDocument, 'memberId' | 'amountMinor' | 'extra' | 'creditKey' | 'position'>;

/**
 * Recomputes the credits of these branch months from `payments`: every payment credited to them, as
 * it will be stored. Writes only what differs; a branch month left with no payment has no document.
 */
export async function recomputeCredits(credits: Collection<DuesCreditDocument>, keys: ReadonlySet<string>, payments: readonly Credited[]): Promise<void> {
  if (keys.size === 0) return;
  const stored = await credits.find({ _id: { $in: [...keys] } }, { readOnly: true });
  const before = new Map(stored.map((credit) => [credit._id, credit]));
  const byKey = new Map<string, Credited[]>();
  for (const payment of payments) {
    if (!keys.has(payment.creditKey)) continue;
    const list = byKey.get(payment.creditKey);
    if (list === undefined) byKey.set(payment.creditKey, [payment]);
    else list.push(payment);
  }
  const writes: BulkOperation<DuesCreditDocument>[] = [];
  for (const _id of keys) {
    const list = byKey.get(_id);
    if (list === undefined) {
      if (before.has(_id)) writes.push({ deleteOne: { filter: { _id } } });
      continue;
    }
    const credit = creditOf(_id, list);
    const old = before.get(_id);
    if (old === undefined || !sameCredit(old, credit)) writes.push({ replaceOne: { filter: { _id }, replacement: credit, upsert: true } });
  }
  // One write per branch month, each credit new.
  if (writes.length > 0) await credits.bulkWrite(writes, { ordered: false, handOver: true });
}

function creditOf(_id: string, payments: readonly Credited[]): DuesCreditDocument {
  const paid = new Map<string, number>();
  let creditedMinor = 0;
  let position = '';
  for (const payment of payments) {
    creditedMinor += payment.amountMinor;
    paid.set(payment.memberId, (paid.get(payment.memberId) ?? 0) + (payment.extra ? 0 : payment.amountMinor));
    if (payment.position > position) position = payment.position;
  }
  const memberIds = [...paid.keys()].sort();
  const at = _id.lastIndexOf('@');
  return { _id, branchId: _id.slice(0, at), period: _id.slice(at + 1), creditedMinor, memberIds, paidMinor: memberIds.map((id) => paid.get(id)!), position };
}

function sameCredit(a: DuesCreditDocument, b: DuesCreditDocument): boolean {
  return (
    a.creditedMinor === b.creditedMinor &&
    a.position === b.position &&
    a.memberIds.length === b.memberIds.length &&
    a.memberIds.every((id, index) => id === b.memberIds[index] && a.paidMinor[index] === b.paidMinor[index])
  );
}
