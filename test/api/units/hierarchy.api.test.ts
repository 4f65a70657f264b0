import { DissolveUnitDocument, MoveUnitDocument, RenameUnitDocument, UnitTreeDocument, UnitsDocument } from '../generated/graphql';
import { buildTree, establish, register, type Tree } from '../support/fixtures';
import { firstError, startTestServer, type TestServer } from '../support/testServer';

describe('the hierarchy over GraphQL, as it stood on any date', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
    await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    await register(server, '李四', tree.branchA1, '2016-01-01');
    await register(server, '王五', tree.branchA2, '2016-01-01', tree.groupA2x);
    await register(server, '赵六', tree.branchB1, '2016-01-01');
  });
  afterAll(() => server.close());

  it('answers a unit with its parent, ancestors, children and member counts at every level', async () => {
    const { unit } = await server.ok(UnitTreeDocument, { id: tree.committeeA });
    expect(unit).toMatchObject({ name: '机关党委', level: 'COMMITTEE', status: 'ACTIVE', memberCount: 3, directMembers: 0 });
    expect(unit!.parent).toEqual({ id: tree.district, name: '城关区直机关工委' });
    expect(unit!.ancestors.map((a) => a.id)).toEqual([tree.district]);
    expect(unit!.children.map((c) => [c.name, c.memberCount])).toEqual([
      ['第一党支部', 2],
      ['第二党支部', 1],
    ]);
    expect(unit!.children[0].children.map((g) => [g.name, g.memberCount])).toEqual([
      ['横班党小组', 0],
      ['红一组', 1],
    ]);
    const district = await server.ok(UnitTreeDocument, { id: tree.district });
    expect(district.unit!.memberCount).toBe(4);
  });

  it('answers null for a unit before its establishment, and counts no members before they registered', async () => {
    expect((await server.ok(UnitTreeDocument, { id: tree.committeeA, asOf: '2014-12-31' })).unit).toBeNull();
    const before = await server.ok(UnitTreeDocument, { id: tree.committeeA, asOf: '2015-12-31' });
    expect(before.unit!.memberCount).toBe(0);
  });

  it('keeps the old name for dates before a rename, and lists both in the history', async () => {
    const branch = await establish(server, 'BRANCH', '老名字党支部', tree.committeeB, '2015-05-01');
    await server.ok(RenameUnitDocument, { input: { unitId: branch, name: '新名字党支部', effectiveDate: '2020-01-01' } });
    expect((await server.ok(UnitTreeDocument, { id: branch, asOf: '2019-12-31' })).unit!.name).toBe('老名字党支部');
    const now = await server.ok(UnitTreeDocument, { id: branch });
    expect(now.unit!.name).toBe('新名字党支部');
    expect(now.unit!.history.map((v) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['老名字党支部', '2015-05-01', '2020-01-01'],
      ['新名字党支部', '2020-01-01', null],
    ]);
  });

  it('moves a branch with its groups and members: the subtree counts follow the move from its effective date', async () => {
    const committee = await establish(server, 'COMMITTEE', '交通局党委', tree.district, '2015-01-10');
    const branch = await establish(server, 'BRANCH', '运输队党支部', committee, '2015-02-01');
    const group = await establish(server, 'GROUP', '一班', branch, '2015-03-01');
    await register(server, '孙七', branch, '2016-01-01', group);
    const target = await establish(server, 'COMMITTEE', '城建局党委', tree.district, '2015-01-10');
    const moved = await server.ok(MoveUnitDocument, { input: { unitId: branch, parentId: target, effectiveDate: '2021-07-01' } });
    expect(moved.moveUnit.unit!.parent!.id).toBe(target);

    const countOn = async (unitId: string, asOf: string) => (await server.ok(UnitTreeDocument, { id: unitId, asOf })).unit!.memberCount;
    expect([await countOn(committee, '2021-06-30'), await countOn(target, '2021-06-30')]).toEqual([1, 0]);
    expect([await countOn(committee, '2021-07-01'), await countOn(target, '2021-07-01')]).toEqual([0, 1]);
    const groupBefore = await server.ok(UnitTreeDocument, { id: group, asOf: '2021-06-30' });
    const groupAfter = await server.ok(UnitTreeDocument, { id: group, asOf: '2021-07-01' });
    expect(groupBefore.unit!.ancestors.map((a) => a.id)).toEqual([tree.district, committee, branch]);
    expect(groupAfter.unit!.ancestors.map((a) => a.id)).toEqual([tree.district, target, branch]);
  });

  it('dissolves a unit with no members or children; it answers DISSOLVED from then on and is no longer a child', async () => {
    const branch = await establish(server, 'BRANCH', '临时党支部', tree.committeeB, '2016-01-01');
    const result = await server.ok(DissolveUnitDocument, { input: { unitId: branch, effectiveDate: '2018-01-01' } });
    expect(result.dissolveUnit.unit!.status).toBe('DISSOLVED');
    const before = await server.ok(UnitTreeDocument, { id: tree.committeeB, asOf: '2017-12-31' });
    const after = await server.ok(UnitTreeDocument, { id: tree.committeeB, asOf: '2018-01-01' });
    expect(before.unit!.children.map((c) => c.id)).toContain(branch);
    expect(after.unit!.children.map((c) => c.id)).not.toContain(branch);
  });

  it('refuses to dissolve a unit that still has members, naming the rule', async () => {
    const result = await server.request(DissolveUnitDocument, { input: { unitId: tree.branchB1 } });
    expect(firstError(result)).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(result.errors![0].extensions!.reason).toBe('UNIT.HAS_ACTIVE_MEMBERS');
  });

  it('lists units by level and name with cursor paging that visits each unit once', async () => {
    const first = await server.ok(UnitsDocument, { level: 'BRANCH', first: 2 });
    expect(first.units.pageInfo.hasNextPage).toBe(true);
    const seen = first.units.edges.map((e) => e.node.id);
    let after = first.units.pageInfo.endCursor;
    for (;;) {
      const page = await server.ok(UnitsDocument, { level: 'BRANCH', first: 2, after });
      seen.push(...page.units.edges.map((e) => e.node.id));
      if (!page.units.pageInfo.hasNextPage) break;
      after = page.units.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.units.totalCount);
    const search = await server.ok(UnitsDocument, { search: '党小组' });
    expect(search.units.edges.map((e) => e.node.name)).toEqual(['横班党小组', '第一党小组']);
  });
});
