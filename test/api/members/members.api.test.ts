import {
  AdvanceMemberStageDocument,
  AssignGroupDocument,
  MemberAtDocument,
  MemberDocument,
  MemberLeftDocument,
  MembersDocument,
  RegisterMemberDocument,
  type MemberStage,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { fixedClock, startTestServer, type TestServer } from '../support/testServer';

describe('members over GraphQL: registration, stages, leaving, groups and lists', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  // Every test gets its own units, so counts and lists only see that test's members.
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const registerAt = async (name: string, status: MemberStage, effectiveDate: string, branchId = tree.branchA1, groupId: string | null = null) => {
    const joinedOn = status === 'PROBATIONARY' || status === 'FULL' ? '2001-07-01' : null;
    const result = await server.ok(RegisterMemberDocument, { input: { name, branchId, groupId, status, joinedOn, effectiveDate } });
    return result.registerMember.member!.id;
  };
  const memberOn = async (id: string, asOf: string) => (await server.ok(MemberAtDocument, { id, asOf })).member;
  const memberIdsOf = async (unitId: string, asOf: string) => (await server.ok(MembersDocument, { unitId, asOf })).members.edges.map((e) => e.node.id);

  it('registers a member in a branch and one of its groups; the payload shows them placed there', async () => {
    const result = await server.ok(RegisterMemberDocument, {
      input: { name: '张三', branchId: tree.branchA1, groupId: tree.groupA1x, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-03-01' },
    });
    expect(result.registerMember.eventIds).toHaveLength(1);
    expect(result.registerMember.member).toEqual({
      id: expect.any(String),
      name: '张三',
      status: 'FULL',
      joinedOn: '2001-07-01',
      branch: { id: tree.branchA1 },
      group: { id: tree.groupA1x },
    });
    const id = result.registerMember.member!.id;
    expect(await memberOn(id, '2016-03-01')).toMatchObject({ branch: { id: tree.branchA1 }, group: { id: tree.groupA1x } });
    expect(await memberIdsOf(tree.groupA1x, '2016-03-01')).toEqual([id]);
  });

  it('answers null for a member on a date before their registration', async () => {
    const id = await register(server, '李四', tree.branchA1, '2016-03-01');
    expect(await memberOn(id, '2016-02-29')).toBeNull();
    expect(await memberOn(id, '2016-03-01')).toMatchObject({ id, name: '李四', status: 'FULL' });
    expect(await memberIdsOf(tree.branchA1, '2016-02-29')).toEqual([]);
  });

  it('advances a member one stage at a time (APPLICANT to ACTIVIST) and refuses to skip a stage', async () => {
    const id = await registerAt('王五', 'APPLICANT', '2020-01-01');
    const advanced = await server.ok(AdvanceMemberStageDocument, { input: { memberId: id, to: 'ACTIVIST', effectiveDate: '2021-01-01' } });
    expect(advanced.advanceMemberStage.member).toMatchObject({ id, status: 'ACTIVIST' });
    expect((await memberOn(id, '2020-12-31'))!.status).toBe('APPLICANT');
    expect((await memberOn(id, '2021-01-01'))!.status).toBe('ACTIVIST');

    // ACTIVIST → PROBATIONARY skips CANDIDATE.
    await expectRefused(
      server,
      () => server.request(AdvanceMemberStageDocument, { input: { memberId: id, to: 'PROBATIONARY', effectiveDate: '2022-01-01' } }),
      {
        code: 'RULE_VIOLATION',
        reason: 'MEMBER.STAGE_ORDER',
        field: 'input.to',
        mentions: 'CANDIDATE',
      },
    );
    expect((await memberOn(id, '2022-01-01'))!.status).toBe('ACTIVIST');

    // Without `to`, the next stage is taken.
    const next = await server.ok(AdvanceMemberStageDocument, { input: { memberId: id, effectiveDate: '2022-01-01' } });
    expect(next.advanceMemberStage.member!.status).toBe('CANDIDATE');
  });

  it('records that a member left: LEFT with no branch from then on, listed in the branch only before', async () => {
    const id = await register(server, '赵六', tree.branchA1, '2016-01-01', tree.groupA1x);
    const left = await server.ok(MemberLeftDocument, { input: { memberId: id, reason: 'WITHDREW', effectiveDate: '2020-01-01' } });
    expect(left.memberLeft.member).toEqual({ id, status: 'LEFT', leftOn: '2020-01-01', branch: null });

    expect(await memberOn(id, '2019-12-31')).toMatchObject({ status: 'FULL', branch: { id: tree.branchA1 }, group: { id: tree.groupA1x } });
    expect(await memberOn(id, '2020-01-01')).toMatchObject({ status: 'LEFT', branch: null, group: null });
    expect(await memberOn(id, '2025-01-01')).toMatchObject({ status: 'LEFT', branch: null });

    expect(await memberIdsOf(tree.branchA1, '2019-12-31')).toEqual([id]);
    expect(await memberIdsOf(tree.groupA1x, '2019-12-31')).toEqual([id]);
    expect(await memberIdsOf(tree.branchA1, '2020-01-01')).toEqual([]);
    expect(await memberIdsOf(tree.groupA1x, '2020-01-01')).toEqual([]);
    expect(await memberIdsOf(tree.branchA1, '2025-01-01')).toEqual([]);
  });

  it('assigns a member to a group of their branch, to another one, and to no group, each from its effective date', async () => {
    const id = await register(server, '孙七', tree.branchA1, '2016-01-01');
    const toX = await server.ok(AssignGroupDocument, { input: { memberId: id, groupId: tree.groupA1x, effectiveDate: '2017-01-01' } });
    expect(toX.assignGroup.member).toEqual({ id, group: { id: tree.groupA1x } });
    const toY = await server.ok(AssignGroupDocument, { input: { memberId: id, groupId: tree.groupA1y, effectiveDate: '2018-01-01' } });
    expect(toY.assignGroup.member).toEqual({ id, group: { id: tree.groupA1y } });
    const toNone = await server.ok(AssignGroupDocument, { input: { memberId: id, groupId: null, effectiveDate: '2019-01-01' } });
    expect(toNone.assignGroup.member).toEqual({ id, group: null });

    const groupOn = async (asOf: string) => (await memberOn(id, asOf))!.group?.id ?? null;
    expect([await groupOn('2016-12-31'), await groupOn('2017-01-01'), await groupOn('2018-01-01'), await groupOn('2019-01-01')]).toEqual([
      null,
      tree.groupA1x,
      tree.groupA1y,
      null,
    ]);
    expect((await memberOn(id, '2019-01-01'))!.branch).toEqual({ id: tree.branchA1 });
    expect(await memberIdsOf(tree.groupA1x, '2017-06-01')).toEqual([id]);
    expect(await memberIdsOf(tree.groupA1x, '2018-06-01')).toEqual([]);
    expect(await memberIdsOf(tree.groupA1y, '2018-06-01')).toEqual([id]);
    expect(await memberIdsOf(tree.branchA1, '2019-06-01')).toEqual([id]);
  });

  it('refuses to assign a member to a group of another branch', async () => {
    const id = await register(server, '周八', tree.branchA1, '2016-01-01');
    await expectRefused(server, () => server.request(AssignGroupDocument, { input: { memberId: id, groupId: tree.groupA2x, effectiveDate: '2017-01-01' } }), {
      code: 'RULE_VIOLATION',
      reason: 'MEMBER.GROUP_NOT_IN_BRANCH',
      field: 'input.groupId',
      mentions: 'groupId',
    });
  });

  it('lists the members of a committee subtree with includeDescendants, and none directly under a committee', async () => {
    await register(server, '甲', tree.branchA1, '2016-01-01', tree.groupA1x);
    await register(server, '乙', tree.branchA1, '2016-01-01');
    await register(server, '丙', tree.branchA2, '2016-01-01', tree.groupA2x);
    await register(server, '丁', tree.branchB1, '2016-01-01');

    const subtree = await server.ok(MembersDocument, { unitId: tree.committeeA, includeDescendants: true });
    expect(subtree.members.totalCount).toBe(3);
    expect(subtree.members.edges.map((e) => e.node.name).sort()).toEqual(['丙', '乙', '甲'].sort());
    const direct = await server.ok(MembersDocument, { unitId: tree.committeeA, includeDescendants: false });
    expect(direct.members.totalCount).toBe(0);
    expect(direct.members.edges).toEqual([]);
    const byDefault = await server.ok(MembersDocument, { unitId: tree.committeeA });
    expect(byDefault.members.totalCount).toBe(0);
    expect((await server.ok(MembersDocument, { unitId: tree.district, includeDescendants: true })).members.totalCount).toBe(4);
    expect((await server.ok(MembersDocument, { unitId: tree.committeeB, includeDescendants: true })).members.totalCount).toBe(1);
    // Before anyone registered, the subtree was empty.
    expect((await server.ok(MembersDocument, { unitId: tree.committeeA, includeDescendants: true, asOf: '2015-12-31' })).members.totalCount).toBe(0);
  });

  it('filters members by status', async () => {
    const applicant = await registerAt('申请人', 'APPLICANT', '2020-01-01');
    const activist = await registerAt('积极分子', 'ACTIVIST', '2020-01-01');
    const full = await registerAt('正式党员', 'FULL', '2020-01-01');

    const ids = async (status: ('APPLICANT' | 'ACTIVIST' | 'FULL' | 'LEFT')[]) => {
      const { members } = await server.ok(MembersDocument, { unitId: tree.branchA1, status });
      expect(members.totalCount).toBe(members.edges.length);
      return members.edges.map((e) => e.node.id).sort();
    };
    expect(await ids(['APPLICANT'])).toEqual([applicant]);
    expect(await ids(['FULL'])).toEqual([full]);
    expect(await ids(['APPLICANT', 'ACTIVIST'])).toEqual([applicant, activist].sort());
    expect(await ids([])).toEqual([applicant, activist, full].sort());
    const { members } = await server.ok(MembersDocument, { unitId: tree.branchA1, status: ['ACTIVIST'] });
    expect(members.edges.map((e) => e.node.status)).toEqual(['ACTIVIST']);
  });

  it('pages through members with first/after: each member exactly once, in name order, with totalCount and hasNextPage', async () => {
    // Two pairs of equal names, so that ties must be broken consistently across page boundaries.
    const names = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨帆', '张伟', '赵磊', '李娜'];
    const registered: { id: string; name: string }[] = [];
    for (const name of names) registered.push({ id: await register(server, name, tree.branchA2, '2016-01-01'), name });

    const pages: { id: string; name: string }[][] = [];
    let after: string | null | undefined;
    for (;;) {
      const { members } = await server.ok(MembersDocument, { unitId: tree.branchA2, first: 4, after });
      expect(members.totalCount).toBe(names.length);
      pages.push(members.edges.map((e) => ({ id: e.node.id, name: e.node.name })));
      expect(members.pageInfo.endCursor).toBe(members.edges.at(-1)?.cursor ?? null);
      if (!members.pageInfo.hasNextPage) break;
      expect(pages.length).toBeLessThan(10);
      after = members.pageInfo.endCursor;
    }
    expect(pages.map((page) => page.length)).toEqual([4, 4, 1]);
    const seen = pages.flat();
    expect(seen.map((m) => m.id).sort()).toEqual(registered.map((m) => m.id).sort());
    expect(new Set(seen.map((m) => m.id)).size).toBe(names.length);
    expect(seen.map((m) => m.name)).toEqual([...names].sort());

    const all = await server.ok(MembersDocument, { unitId: tree.branchA2, first: 500 });
    expect(all.members.pageInfo.hasNextPage).toBe(false);
    expect(all.members.edges.map((e) => e.node.id)).toEqual(seen.map((m) => m.id));
    const exact = await server.ok(MembersDocument, { unitId: tree.branchA2, first: names.length });
    expect(exact.members.pageInfo.hasNextPage).toBe(false);
  });

  it('lists every membership interval of a member with validFrom, validTo and recordedAt', async () => {
    const id = await registerAt('吴九', 'PROBATIONARY', '2016-01-01', tree.branchA1, tree.groupA1x);
    await server.ok(AssignGroupDocument, { input: { memberId: id, groupId: tree.groupA1y, effectiveDate: '2018-01-01' } });
    await server.ok(AdvanceMemberStageDocument, { input: { memberId: id, effectiveDate: '2019-01-01' } });
    await server.ok(MemberLeftDocument, { input: { memberId: id, reason: 'OTHER', effectiveDate: '2020-01-01' } });

    const { member } = await server.ok(MemberDocument, { id, asOf: '2016-06-01' });
    const recordedAt = fixedClock.now().toISOString();
    expect(member!.memberships.map(({ branchId, groupId, status, validFrom, validTo }) => ({ branchId, groupId, status, validFrom, validTo }))).toEqual([
      { branchId: tree.branchA1, groupId: tree.groupA1x, status: 'PROBATIONARY', validFrom: '2016-01-01', validTo: '2018-01-01' },
      { branchId: tree.branchA1, groupId: tree.groupA1y, status: 'PROBATIONARY', validFrom: '2018-01-01', validTo: '2019-01-01' },
      { branchId: tree.branchA1, groupId: tree.groupA1y, status: 'FULL', validFrom: '2019-01-01', validTo: '2020-01-01' },
    ]);
    for (const membership of member!.memberships) expect(Date.parse(membership.recordedAt)).toBe(Date.parse(recordedAt));
    // The list is the whole history whatever the asOf date of the query.
    const now = await server.ok(MemberDocument, { id });
    expect(now.member!.memberships).toEqual(member!.memberships);
    expect(now.member).toMatchObject({ status: 'LEFT', leftOn: '2020-01-01', registeredOn: '2016-01-01', branch: null });
  });
});
