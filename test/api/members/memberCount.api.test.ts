import { AcceptTransferDocument, AssignGroupDocument, MemberLeftDocument, MoveUnitDocument, RequestTransferDocument } from '../generated/graphql';
import { MemberQueries } from '../../../src/app/members/memberQueries';
import { UnitQueries } from '../../../src/app/units/unitQueries';
import { CountingReadStore } from '../../../src/readstore/countingReadStore';
import { buildTree, register, type Tree } from '../support/fixtures';
import { startTestServer, TODAY, type TestServer } from '../support/testServer';

/** A unit's counts on a date, beside the totals of its member lists. */
const COUNTS = `
  query ($id: ID!, $asOf: Date) {
    unit(id: $id, asOf: $asOf) {
      level
      memberCount
      directCount: memberCount(includeDescendants: false)
      subtree: members(includeDescendants: true, first: 1) { totalCount }
      direct: members(includeDescendants: false, first: 1) { totalCount }
    }
  }`;

type Counts = {
  level: string;
  memberCount: number;
  directCount: number;
  subtree: { totalCount: number };
  direct: { totalCount: number };
} | null;

describe('Unit.memberCount agrees with the member lists on every date', () => {
  let server: TestServer;
  let tree: Tree;
  let units: string[];

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
    units = [tree.district, tree.committeeA, tree.committeeB, tree.branchA1, tree.branchA2, tree.branchB1, tree.groupA1x, tree.groupA1y, tree.groupA2x];
    const m1 = await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    const m2 = await register(server, '李四', tree.branchA1, '2016-01-01');
    const m3 = await register(server, '王五', tree.branchA2, '2016-03-01', tree.groupA2x);
    await register(server, '赵六', tree.branchB1, '2016-03-01');
    // A group change within branch A1.
    await server.ok(AssignGroupDocument, { input: { memberId: m1, groupId: tree.groupA1y, effectiveDate: '2017-06-01' } });
    // A transfer from A2 (out of its group) to B1.
    const requested = await server.ok(RequestTransferDocument, { input: { memberId: m3, toBranchId: tree.branchB1, effectiveDate: '2018-01-10' } });
    await server.ok(AcceptTransferDocument, { input: { transferId: requested.requestTransfer.transfer!.id, effectiveDate: '2018-02-01' } });
    await register(server, '孙七', tree.branchA2, '2018-06-01', tree.groupA2x);
    // Branch A2 with its group moves from committee A to committee B.
    await server.ok(MoveUnitDocument, { input: { unitId: tree.branchA2, parentId: tree.committeeB, effectiveDate: '2019-01-01' } });
    await server.ok(MemberLeftDocument, { input: { memberId: m2, reason: 'WITHDREW', effectiveDate: '2019-05-01' } });
    // Joined and left the same day.
    const m6 = await register(server, '周八', tree.branchA1, '2020-01-01', tree.groupA1x);
    await server.ok(MemberLeftDocument, { input: { memberId: m6, reason: 'WITHDREW', effectiveDate: '2020-01-01' } });
  });
  afterAll(() => server.close());

  const countsOf = async (id: string, asOf: string): Promise<Counts> => {
    const result = await server.raw(COUNTS, { id, asOf });
    expect(result.errors).toBeUndefined();
    return (result.data as { unit: Counts }).unit;
  };

  it('counts nobody before the units were established', async () => {
    for (const id of units) expect(await countsOf(id, '2014-12-31')).toBeNull();
    const levels = [
      { unitId: tree.district, level: 'DISTRICT' as const },
      { unitId: tree.committeeA, level: 'COMMITTEE' as const },
      { unitId: tree.branchA1, level: 'BRANCH' as const },
      { unitId: tree.groupA1x, level: 'GROUP' as const },
    ];
    const counts = await server.app.memberQueries.countsOn(levels, '2014-12-31', true);
    expect([...counts.values()]).toEqual([0, 0, 0, 0]);
  });

  it.each([
    '2015-12-31', // established, nobody registered yet
    '2016-01-01',
    '2016-03-01',
    '2017-05-31',
    '2017-06-01', // after the group change
    '2018-01-31',
    '2018-02-01', // after the transfer
    '2018-06-01',
    '2018-12-31',
    '2019-01-01', // after the move
    '2019-04-30',
    '2019-05-01', // after leaving
    '2020-01-01', // joined and left that day
    TODAY,
  ])('on %s, for every unit, with and without its subtree', async (asOf) => {
    for (const id of units) {
      const unit = await countsOf(id, asOf);
      expect(unit).not.toBeNull();
      expect({ id, subtree: unit!.memberCount, direct: unit!.directCount }).toEqual({ id, subtree: unit!.subtree.totalCount, direct: unit!.direct.totalCount });
    }
  });

  it('the counts compared are the expected ones', async () => {
    const subtreeCounts = async (asOf: string) => Promise.all(units.map(async (id) => (await countsOf(id, asOf))!.memberCount));
    // district, committee A, committee B, branch A1, A2, B1, group A1x, A1y, A2x
    expect(await subtreeCounts('2015-12-31')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await subtreeCounts('2017-05-31')).toEqual([4, 3, 1, 2, 1, 1, 1, 0, 1]);
    expect(await subtreeCounts('2017-06-01')).toEqual([4, 3, 1, 2, 1, 1, 0, 1, 1]);
    expect(await subtreeCounts('2018-02-01')).toEqual([4, 2, 2, 2, 0, 2, 0, 1, 0]);
    expect(await subtreeCounts('2018-12-31')).toEqual([5, 3, 2, 2, 1, 2, 0, 1, 1]);
    expect(await subtreeCounts('2019-01-01')).toEqual([5, 2, 3, 2, 1, 2, 0, 1, 1]);
    expect(await subtreeCounts('2019-05-01')).toEqual([4, 1, 3, 1, 1, 2, 0, 1, 1]);
    expect(await subtreeCounts('2020-01-01')).toEqual([4, 1, 3, 1, 1, 2, 0, 1, 1]);
    expect(await subtreeCounts(TODAY)).toEqual([4, 1, 3, 1, 1, 2, 0, 1, 1]);
  });

  it('answers the counts of units of every level with at most two read-store calls, whatever the date', async () => {
    const store = new CountingReadStore(server.app.readStore);
    const queries = new MemberQueries(store, new UnitQueries(store));
    const levels = ['DISTRICT', 'COMMITTEE', 'COMMITTEE', 'BRANCH', 'BRANCH', 'BRANCH', 'GROUP', 'GROUP', 'GROUP'] as const;
    const all = units.map((unitId, index) => ({ unitId, level: levels[index] }));
    for (const asOf of ['2016-03-01', '2019-05-01', TODAY]) {
      store.reset();
      const counts = await queries.countsOn(all, asOf, true);
      expect(store.calls).toBeLessThanOrEqual(2);
      expect([...counts.values()]).toEqual(await Promise.all(units.map(async (id) => (await countsOf(id, asOf))!.memberCount)));
    }
  });
});
