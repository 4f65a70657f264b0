import {
  ExpiringTermsDocument,
  LeadershipEventsDocument,
  MemberOfficesDocument,
  RecordElectionDocument,
  RemoveFromOfficeDocument,
  ResignOfficeDocument,
  UnitOfficersDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

describe('elections and offices over GraphQL: elect, list as of a date, resign, remove, expiring terms', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const officers = async (id: string, asOf: string) =>
    (await server.ok(UnitOfficersDocument, { id, asOf })).unit!.officers.map((term) => ({ member: term.member?.id, role: term.role, lapsed: term.lapsed }));

  it('a branch elects its committee; a new election ends the old terms; who was secretary on a date', async () => {
    const zhang = await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    const li = await register(server, '李四', tree.branchA1, '2016-01-01');
    const wang = await register(server, '王五', tree.branchA1, '2016-01-01');
    const first = await server.ok(RecordElectionDocument, {
      input: {
        unitId: tree.branchA1,
        heldOn: '2020-03-15',
        votes: { eligible: 30, cast: 29 },
        officers: [
          { memberId: zhang, role: 'SECRETARY', votes: 27 },
          { memberId: li, role: 'DEPUTY_SECRETARY', votes: 25 },
          { memberId: wang, role: 'COMMITTEE_MEMBER' },
        ],
      },
    });
    expect(first.recordElection).toMatchObject({ version: 0, unit: { id: tree.branchA1 } });
    expect(first.recordElection.eventIds).toHaveLength(1);
    expect(first.recordElection.terms.map((term) => [term.role, term.member?.id, term.votes, term.termYears, term.termEndsOn])).toEqual([
      ['SECRETARY', zhang, 27, 3, '2023-03-15'],
      ['DEPUTY_SECRETARY', li, 25, 3, '2023-03-15'],
      ['COMMITTEE_MEMBER', wang, null, 3, '2023-03-15'],
    ]);
    const second = await server.ok(RecordElectionDocument, {
      input: {
        unitId: tree.branchA1,
        effectiveDate: '2023-03-20',
        expectedVersion: 0,
        officers: [
          { memberId: li, role: 'SECRETARY' },
          { memberId: zhang, role: 'COMMITTEE_MEMBER' },
        ],
      },
    });
    expect(second.recordElection.version).toBe(1);

    expect(await officers(tree.branchA1, '2020-03-14')).toEqual([]);
    expect(await officers(tree.branchA1, '2021-06-30')).toEqual([
      { member: zhang, role: 'SECRETARY', lapsed: false },
      { member: li, role: 'DEPUTY_SECRETARY', lapsed: false },
      { member: wang, role: 'COMMITTEE_MEMBER', lapsed: false },
    ]);
    // Between the end of the term and the new election, the old committee is still in office: its term has lapsed.
    expect(await officers(tree.branchA1, '2023-03-17')).toEqual(expect.arrayContaining([{ member: zhang, role: 'SECRETARY', lapsed: true }]));
    expect(await officers(tree.branchA1, '2023-03-20')).toEqual([
      { member: li, role: 'SECRETARY', lapsed: false },
      { member: zhang, role: 'COMMITTEE_MEMBER', lapsed: false },
    ]);

    const offices = (await server.ok(MemberOfficesDocument, { id: zhang, asOf: '2024-01-01' })).member!.offices;
    expect(offices.map((term) => [term.role, term.validFrom, term.endedOn, term.endReason])).toEqual([
      ['SECRETARY', '2020-03-15', '2023-03-20', 'SUPERSEDED'],
      ['COMMITTEE_MEMBER', '2023-03-20', null, null],
    ]);

    // The election events concern the branch's subtree and its officers.
    for (const unitId of [tree.branchA1, tree.committeeA, tree.district]) {
      const { events } = await server.ok(LeadershipEventsDocument, { filter: { unitId, categories: ['leadership'] } });
      expect(events.edges.map((edge) => edge.node.stream)).toEqual([`leadership-${tree.branchA1}`, `leadership-${tree.branchA1}`]);
    }
    const { events } = await server.ok(LeadershipEventsDocument, { filter: { memberId: wang, categories: ['leadership'] } });
    expect(events.edges.map((edge) => edge.node.type)).toEqual(['ElectionHeld']);
  });

  it('a group elects its leader; a committee elects from the members of its branches; officers resign or are removed', async () => {
    const zhao = await register(server, '赵六', tree.branchA1, '2016-01-01', tree.groupA1y);
    const qian = await register(server, '钱七', tree.branchA2, '2016-01-01');
    await server.ok(RecordElectionDocument, { input: { unitId: tree.groupA1y, heldOn: '2024-01-10', officers: [{ memberId: zhao, role: 'GROUP_LEADER' }] } });
    const committee = await server.ok(RecordElectionDocument, {
      input: {
        unitId: tree.committeeA,
        heldOn: '2022-05-01',
        officers: [
          { memberId: zhao, role: 'SECRETARY' },
          { memberId: qian, role: 'COMMITTEE_MEMBER' },
        ],
      },
    });
    expect(committee.recordElection.terms.map((term) => term.termEndsOn)).toEqual(['2027-05-01', '2027-05-01']);

    const resigned = await server.ok(ResignOfficeDocument, {
      input: { unitId: tree.groupA1y, memberId: zhao, reason: '工作调动', effectiveDate: '2025-02-01' },
    });
    expect(resigned.resignOffice.terms).toEqual([
      expect.objectContaining({ role: 'GROUP_LEADER', endedOn: '2025-02-01', endReason: 'RESIGNED', endNote: '工作调动' }),
    ]);
    expect(await officers(tree.groupA1y, '2025-01-31')).toEqual([{ member: zhao, role: 'GROUP_LEADER', lapsed: false }]);
    expect(await officers(tree.groupA1y, '2025-02-01')).toEqual([]);

    const removed = await server.ok(RemoveFromOfficeDocument, {
      input: { unitId: tree.committeeA, memberId: qian, reason: '受到党纪处分', effectiveDate: '2025-03-01' },
    });
    expect(removed.removeFromOffice.terms).toEqual([expect.objectContaining({ role: 'COMMITTEE_MEMBER', endReason: 'REMOVED', endNote: '受到党纪处分' })]);
    expect(await officers(tree.committeeA, '2025-03-01')).toEqual([{ member: zhao, role: 'SECRETARY', lapsed: false }]);
  });

  it('expiring terms: due within N days, lapsed ones flagged, restricted to a subtree', async () => {
    const a1 = await register(server, '孙八', tree.branchA1, '2016-01-01');
    const b1 = await register(server, '周九', tree.branchB1, '2016-01-01');
    const a2 = await register(server, '吴十', tree.branchA2, '2016-01-01');
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchA1, heldOn: '2023-07-01', officers: [{ memberId: a1, role: 'SECRETARY' }] } });
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchB1, heldOn: '2023-08-01', officers: [{ memberId: b1, role: 'SECRETARY' }] } });
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchA2, heldOn: '2022-01-01', officers: [{ memberId: a2, role: 'SECRETARY' }] } });
    const expiring = async (within: number, asOf: string, unitId?: string) =>
      (await server.ok(ExpiringTermsDocument, { within, asOf, unitId })).expiringTerms.map((term) => [term.unit?.id, term.termEndsOn, term.lapsed]);

    // Earlier tests of this server elected in other trees: the district keeps this one apart.
    expect(await expiring(60, '2026-06-15', tree.district)).toEqual([
      [tree.branchA2, '2025-01-01', true],
      [tree.branchA1, '2026-07-01', false],
      [tree.branchB1, '2026-08-01', false],
    ]);
    expect(await expiring(20, '2026-06-15', tree.district)).toEqual([
      [tree.branchA2, '2025-01-01', true],
      [tree.branchA1, '2026-07-01', false],
    ]);
    expect(await expiring(60, '2026-06-15', tree.committeeB)).toEqual([[tree.branchB1, '2026-08-01', false]]);
    // In the past: on 2024-12-01 branch A2's term was due within a month, not lapsed yet.
    expect(await expiring(31, '2024-12-01', tree.district)).toEqual([[tree.branchA2, '2025-01-01', false]]);
  });

  it('refuses an officer who is not a member of the unit, and writes nothing', async () => {
    const outsider = await register(server, '郑十一', tree.branchB1, '2016-01-01');
    await expectRefused(
      server,
      () =>
        server.request(RecordElectionDocument, {
          input: { unitId: tree.branchA1, heldOn: '2024-03-01', officers: [{ memberId: outsider, role: 'SECRETARY' }] },
        }),
      { code: 'RULE_VIOLATION', reason: 'ELECTION.OFFICER_NOT_IN_UNIT', field: 'input.officers[0].memberId', mentions: 'input.officers[0].memberId' },
    );
  });

  it('refuses two secretaries and a group role for a branch, and writes nothing', async () => {
    const one = await register(server, '冯一', tree.branchA1, '2016-01-01');
    const two = await register(server, '陈二', tree.branchA1, '2016-01-01');
    await expectRefused(
      server,
      () =>
        server.request(RecordElectionDocument, {
          input: {
            unitId: tree.branchA1,
            heldOn: '2024-03-01',
            officers: [
              { memberId: one, role: 'SECRETARY' },
              { memberId: two, role: 'SECRETARY' },
            ],
          },
        }),
      { code: 'RULE_VIOLATION', reason: 'ELECTION.ONE_PER_ROLE', field: 'input.officers', mentions: 'SECRETARY' },
    );
    await expectRefused(
      server,
      () =>
        server.request(RecordElectionDocument, { input: { unitId: tree.branchA1, heldOn: '2024-03-01', officers: [{ memberId: one, role: 'GROUP_LEADER' }] } }),
      { code: 'RULE_VIOLATION', reason: 'ELECTION.ROLE_NOT_FOR_LEVEL', field: 'input.officers[0].role', mentions: 'GROUP_LEADER' },
    );
    await expectRefused(
      server,
      () =>
        server.request(RecordElectionDocument, {
          input: { unitId: tree.branchA1, heldOn: '2024-03-01', termYears: 0, officers: [{ memberId: one, role: 'SECRETARY' }] },
        }),
      { code: 'BAD_USER_INPUT', reason: 'INPUT.OUT_OF_RANGE', field: 'input.termYears', mentions: 'input.termYears' },
    );
  });

  it('refuses a resignation of someone not in office and a removal without a reason, and writes nothing', async () => {
    const one = await register(server, '褚三', tree.branchA1, '2016-01-01');
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchA1, heldOn: '2024-03-01', officers: [{ memberId: one, role: 'SECRETARY' }] } });
    const other = await register(server, '卫四', tree.branchA1, '2016-01-01');
    await expectRefused(server, () => server.request(ResignOfficeDocument, { input: { unitId: tree.branchA1, memberId: other } }), {
      code: 'RULE_VIOLATION',
      reason: 'OFFICE.NOT_IN_OFFICE',
      field: 'input.memberId',
      mentions: other,
    });
    await expectRefused(server, () => server.request(RemoveFromOfficeDocument, { input: { unitId: tree.branchA1, memberId: one, reason: ' ' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'OFFICE.REASON_REQUIRED',
      field: 'input.reason',
      mentions: 'input.reason',
    });
  });

  it('refuses a negative window for expiring terms', async () => {
    const result = await server.request(ExpiringTermsDocument, { within: -1 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'within' });
  });
});
