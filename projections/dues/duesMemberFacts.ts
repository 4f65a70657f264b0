import type { DatedDuesBase } from '../../src/domain/dues/dues';
import type { ReadStore } from '../../src/readstore/readStore';
import { DUES_BASES, type DuesBaseDocument } from './dues.documents';
import type { Placement } from './duesPlacement';
import type { DuesMemberFacts } from './duesSpans.compute';
import { MEMBERS, MEMBERSHIPS, type MemberDocument, type MembershipDocument } from '../members';

type MemberFields = Pick<MemberDocument, '_id' | 'joinedOn' | 'leftOn' | 'position'>;

/**
 * What the dues spans and credits of these members follow from, as the read models hold it: the
 * members (applied before dues in a batch), their memberships and their bases. `pendingBases` are
 * bases of the batch not written yet; they win over stored copies.
 */
export async function loadMemberFacts(
  store: ReadStore,
  memberIds: readonly string[],
  pendingBases: readonly DuesBaseDocument[] = [],
): Promise<Map<string, DuesMemberFacts>> {
  const ids = { $in: [...memberIds] };
  const [members, memberships, storedBases] = await Promise.all([
    store.collection<MemberDocument>(MEMBERS).find({ _id: ids }, { projection: { _id: 1, joinedOn: 1, leftOn: 1, position: 1 }, readOnly: true }),
    store
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find({ memberId: ids }, { projection: { _id: 0, memberId: 1, branchId: 1, validFrom: 1, validTo: 1 }, readOnly: true }),
    store.collection<DuesBaseDocument>(DUES_BASES).find({ memberId: ids }, { readOnly: true }),
  ]);
  return factsOf(memberIds, members, memberships, [...new Map([...storedBases, ...pendingBases].map((base) => [base._id, base])).values()]);
}

function factsOf(
  memberIds: readonly string[],
  members: readonly MemberFields[],
  memberships: readonly Pick<MembershipDocument, 'memberId' | 'branchId' | 'validFrom' | 'validTo'>[],
  bases: readonly DuesBaseDocument[],
): Map<string, DuesMemberFacts> {
  const facts = new Map<string, DuesMemberFacts>(
    memberIds.map((memberId) => [memberId, { memberId, joinedOn: null, leftOn: null, memberships: [], bases: [], position: '' }]),
  );
  for (const member of members) {
    const fact = facts.get(member._id);
    if (fact === undefined) continue;
    fact.joinedOn = member.joinedOn;
    fact.leftOn = member.leftOn;
    fact.position = member.position;
  }
  const placements = new Map<string, Placement[]>();
  for (const { memberId, branchId, validFrom, validTo } of memberships) {
    const list = placements.get(memberId);
    if (list === undefined) placements.set(memberId, [{ branchId, validFrom, validTo }]);
    else list.push({ branchId, validFrom, validTo });
  }
  const basesOf = new Map<string, DuesBaseDocument[]>();
  for (const base of bases) {
    const list = basesOf.get(base.memberId);
    if (list === undefined) basesOf.set(base.memberId, [base]);
    else list.push(base);
  }
  for (const fact of facts.values()) {
    fact.memberships = placements.get(fact.memberId) ?? [];
    const own = basesOf.get(fact.memberId) ?? [];
    fact.bases = lastPerDate(own);
    for (const base of own) if (base.position > fact.position) fact.position = base.position;
  }
  return facts;
}

/** In effective-date order; the last base recorded for a date wins that date. */
function lastPerDate(bases: readonly DuesBaseDocument[]): DatedDuesBase[] {
  const sorted = [...bases].sort((a, b) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.position < b.position ? -1 : 1));
  const byDate = new Map(sorted.map((doc) => [doc.from, { from: doc.from, category: doc.category, monthlyIncomeMinor: doc.monthlyIncomeMinor }]));
  return [...byDate.values()];
}
