import fc from 'fast-check';
import { MEMBERSHIPS, UNIT_MEMBER_COUNTS, unitYearsOf, type MembershipDocument, type UnitMemberCountDocument } from '../../../projections';
import { addMemberCountChanges, noCountChanges } from '../../../projections/members/memberships.countChanges';
import type { CountedInterval } from '../../../projections/members/memberships.documents';
import { memberCountDocuments, yearOf } from '../../../projections/members/unitMemberCounts.compute';
import * as recount from '../../../projections/members/unitMemberCounts.recount';
import { updateUnitCounts } from '../../../projections/members/unitMemberCounts.update';
import type { ReadStore } from '../../../src/readstore/readStore';
import { freshStore } from '../support/projectionHarness';

/** One member's interval in branch B1, in group G1 or in none. */
type Stay = CountedInterval & { memberId: string };

function membershipOf({ memberId, branchId, groupId, validFrom, validTo, position }: Stay): MembershipDocument {
  return {
    _id: `${memberId}@${validFrom}`,
    memberId,
    name: memberId,
    branchId,
    groupId,
    status: 'APPLICANT',
    validFrom,
    validTo,
    recordedAt: '2026-01-01T00:00:00.000Z',
    endRecordedAt: null,
    position,
    unitYears: unitYearsOf([branchId, groupId], { validFrom, validTo }),
  };
}

/** Every count document of every unit these intervals are in, as a recount makes them. */
function recounted(stays: readonly Stay[]): UnitMemberCountDocument[] {
  return ['B1', 'G1'].flatMap((unitId) =>
    memberCountDocuments(
      unitId,
      stays.filter(({ branchId, groupId }) => branchId === unitId || groupId === unitId),
    ),
  );
}

async function countDocuments(store: ReadStore): Promise<UnitMemberCountDocument[]> {
  return store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).find({}, { sort: { _id: 1 } });
}

/** Given the memberships `before` and their counts, when the batch writes `after` and applies its deltas: the count documents stored. */
async function afterBatch(before: readonly Stay[], after: readonly Stay[]): Promise<UnitMemberCountDocument[]> {
  const store = await freshStore();
  const memberships = store.collection<MembershipDocument>(MEMBERSHIPS);
  for (const stay of before) await memberships.insertOne(membershipOf(stay));
  for (const document of recounted(before)) await store.collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS).insertOne(document);
  await memberships.deleteMany({});
  for (const stay of after) await memberships.insertOne(membershipOf(stay));
  const changes = noCountChanges();
  for (const memberId of new Set([...before, ...after].map((stay) => stay.memberId))) {
    const stored = before.filter((stay) => stay.memberId === memberId);
    addMemberCountChanges(
      changes,
      stored,
      after.filter((stay) => stay.memberId === memberId),
      stored,
    );
  }
  await updateUnitCounts(store, changes);
  return countDocuments(store);
}

describe('updateUnitCounts: the deltas applied to the stored counts, with the reads they need', () => {
  afterEach(() => jest.restoreAllMocks());

  it('for any memberships and any edits of them, the counts stored are what a recount makes, and no unit is recounted', async () => {
    const recountUnits = jest.spyOn(recount, 'recountUnits');
    const day = fc
      .record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 2 }) })
      .map(({ year, month }) => `${year}-0${month}-01`);
    const stay = fc.record({ from: day, years: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 3 }), inGroup: fc.boolean() });
    const edit = fc.constantFrom('keep', 'remove', 'close', 'split', 'regroup');
    const positions = fc
      .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 20, maxLength: 20 })
      .map((ns) => ns.map((n) => `p${String(n).padStart(3, '0')}`));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(stay, edit), { maxLength: 8 }), fc.array(stay, { maxLength: 3 }), positions, async (edited, added, names) => {
        // In any order: a correction's replay adds intervals with the positions of old events.
        let next = 0;
        const position = (): string => names[next++];
        const stayOf = (memberId: string, { from, years, inGroup }: { from: string; years: number | null; inGroup: boolean }): Stay => ({
          memberId,
          branchId: 'B1',
          groupId: inGroup ? 'G1' : null,
          validFrom: from,
          validTo: years === null ? null : `${yearOf(from) + years + (from.endsWith('02-01') ? 1 : 0)}-0${from.endsWith('01-01') ? 2 : 1}-01`,
          position: position(),
        });
        const before = edited.map(([spec], index) => stayOf(`m${index}`, spec));
        const after: Stay[] = added.map((spec, index) => stayOf(`n${index}`, spec));
        edited.forEach(([, change], index) => {
          const stay = before[index];
          const at = `${yearOf(stay.validFrom) + 1}-01-01`;
          const lasts = stay.validTo === null || at < stay.validTo;
          if (change === 'keep') after.push(stay);
          else if (change === 'close') after.push({ ...stay, validTo: stay.validTo ?? at });
          else if (change === 'split' && lasts) after.push({ ...stay, validTo: at }, { ...stay, validFrom: at, position: position() });
          else if (change === 'regroup') after.push({ ...stay, groupId: stay.groupId === null ? 'G1' : null, position: position() });
        });
        const stored = await afterBatch(before, after);
        expect(stored).toEqual(recounted(after).sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)));
      }),
      { seed: 20261202, numRuns: 300 },
    );
    expect(recountUnits.mock.calls.every(([, { branches, groups }]) => branches.size === 0 && groups.size === 0)).toBe(true);
  });

  it('given stored memberships other than those of the stored timeline (a batch stopped after writing them), then their units are recounted', async () => {
    const recountUnits = jest.spyOn(recount, 'recountUnits');
    const registered: Stay = { memberId: 'm1', branchId: 'B1', groupId: 'G1', validFrom: '2020-01-01', validTo: null, position: 'p1' };
    const changes = noCountChanges();

    addMemberCountChanges(changes, [{ ...registered, validTo: '2021-06-01' }], [{ ...registered, validTo: '2021-06-01' }], [registered]);

    expect(changes.deltas.size).toBe(0);
    expect(changes.recount).toEqual({ branches: new Map([['B1', '2020-01-01']]), groups: new Map([['G1', '2020-01-01']]) });
    const store = await freshStore();
    await store.collection<MembershipDocument>(MEMBERSHIPS).insertOne(membershipOf({ ...registered, validTo: '2021-06-01' }));
    await updateUnitCounts(store, changes);
    expect(recountUnits).toHaveBeenCalledTimes(1);
    expect(await countDocuments(store)).toEqual(recounted([{ ...registered, validTo: '2021-06-01' }]).sort((a, b) => (a._id < b._id ? -1 : 1)));
  });
});
