import {
  AdvanceMemberStageDocument,
  ObligationsDocument,
  RecordDuesPaymentDocument,
  RecordElectionDocument,
  RecordMeetingDocument,
  RegisterMemberDocument,
  SetDuesBaseDocument,
  type MeetingKind,
  type MemberStage,
  type ObligationsQuery,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

type Found = ObligationsQuery['obligations'][number];

describe('obligations over GraphQL: what falls due in a subtree, with the date and the rule', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const obligations = async (unitId: string, within: number, asOf?: string): Promise<Found[]> =>
    (await server.ok(ObligationsDocument, { unitId, within, asOf })).obligations;
  /** The facts each obligation is about, in the order listed. */
  const summary = (found: Found[]) => found.map((o) => [o.kind, o.dueOn, o.unit?.id, o.member?.id ?? o.meetingKind ?? null]);
  const registerAt = async (name: string, status: MemberStage, joinedOn: string | null, effectiveDate: string): Promise<string> =>
    (await server.ok(RegisterMemberDocument, { input: { name, branchId: tree.branchB1, status, joinedOn, effectiveDate } })).registerMember.member!.id;
  const meet = (unitId: string, kind: MeetingKind, heldOn: string, attendees: string[]) =>
    server.ok(RecordMeetingDocument, { input: { unitId, kind, heldOn, attendees } });
  const pay = (memberId: string, periods: string[]) =>
    Promise.all(
      periods.map((period) => server.ok(RecordDuesPaymentDocument, { input: { memberId, period, amount: '127.50', effectiveDate: `${period}-20` } })),
    );

  /**
   * Committee B and its branch B1 on 2026-06-15 (today): the committee's term lapsed on 2026-05-01,
   * the branch's ends on 2026-07-01; three probationary members; one member 4 months in arrears and
   * one 3 months; in June and Q2 the branch held all its meetings but the party lecture.
   */
  async function buildCommitteeB(): Promise<Record<'secretary' | 'probation' | 'lateProbation' | 'arrivedProbationary' | 'arrears' | 'threeMonths', string>> {
    const secretary = await register(server, '周书记', tree.branchB1, '2016-01-01');
    await server.ok(RecordElectionDocument, {
      input: { unitId: tree.committeeB, heldOn: '2021-05-01', officers: [{ memberId: secretary, role: 'SECRETARY' }] },
    });
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchB1, heldOn: '2023-07-01', officers: [{ memberId: secretary, role: 'SECRETARY' }] } });

    const probation = await registerAt('吴预备', 'CANDIDATE', null, '2025-01-01');
    await server.ok(AdvanceMemberStageDocument, { input: { memberId: probation, to: 'PROBATIONARY', effectiveDate: '2025-07-01' } });
    const lateProbation = await registerAt('郑预备', 'CANDIDATE', null, '2025-01-01');
    await server.ok(AdvanceMemberStageDocument, { input: { memberId: lateProbation, to: 'PROBATIONARY', effectiveDate: '2025-09-01' } });
    // Admitted elsewhere on 2025-03-01, entered here later: probation runs from admission.
    const arrivedProbationary = await registerAt('王转入', 'PROBATIONARY', '2025-03-01', '2025-05-10');

    const arrears = await register(server, '钱欠费', tree.branchB1, '2016-01-01');
    const threeMonths = await register(server, '孙欠费', tree.branchB1, '2016-01-01');
    for (const memberId of [arrears, threeMonths]) {
      await server.ok(SetDuesBaseDocument, { input: { memberId, category: 'EMPLOYED', monthlyIncome: '8500', effectiveDate: '2025-12-01' } });
    }
    await pay(arrears, ['2025-12', '2026-01']);
    await pay(threeMonths, ['2025-12', '2026-01', '2026-02']);

    await meet(tree.branchB1, 'GENERAL_ASSEMBLY', '2026-04-20', [secretary]);
    await meet(tree.branchB1, 'BRANCH_COMMITTEE', '2026-06-05', [secretary]);
    await meet(tree.branchB1, 'THEME_PARTY_DAY', '2026-06-10', [secretary]);
    return { secretary, probation, lateProbation, arrivedProbationary, arrears, threeMonths };
  }

  it('lists terms ending and lapsed, probations ending, meetings not yet held and dues arrears, by due date then kind', async () => {
    const m = await buildCommitteeB();
    const found = await obligations(tree.committeeB, 30);
    expect(summary(found)).toEqual([
      ['PROBATION_ENDING', '2026-03-01', tree.branchB1, m.arrivedProbationary],
      ['TERM_LAPSED', '2026-05-01', tree.committeeB, null],
      ['DUES_ARREARS', '2026-06-01', tree.branchB1, m.arrears],
      ['MEETING_DUE', '2026-06-30', tree.branchB1, 'PARTY_LECTURE'],
      // Same day: a term comes before a probation.
      ['TERM_ENDING', '2026-07-01', tree.branchB1, null],
      ['PROBATION_ENDING', '2026-07-01', tree.branchB1, m.probation],
    ]);
    const [arrived, lapsed, arrears, lecture, ending, probation] = found;

    expect(arrived).toMatchObject({ overdue: true, probationStartedOn: '2025-03-01', term: null, meetingKind: null, monthsInArrears: null });
    expect(probation).toMatchObject({
      overdue: false,
      probationStartedOn: '2025-07-01',
      rule: 'Probation lasts 1 year from admission as a probationary member; when it ends the branch decides to confirm the member as a full member, extend the probation or end it.',
    });
    expect(lapsed).toMatchObject({
      overdue: true,
      term: { role: 'SECRETARY', termEndsOn: '2026-05-01', lapsed: true },
      rule: 'A party committee or general branch committee is elected for 5 years; this term has ended and no new election has been held: the election is overdue.',
    });
    expect(ending).toMatchObject({
      overdue: false,
      term: { role: 'SECRETARY', termEndsOn: '2026-07-01', lapsed: false },
      rule: 'A branch committee is elected for 3 years; a new election is due when the term ends.',
    });
    expect(lecture).toMatchObject({
      overdue: false,
      meetingFrequency: 'QUARTERLY',
      period: '2026-Q2',
      rule: "A branch holds a party lecture (党课) every quarter; none has been held yet this quarter, and it is due by the quarter's last day.",
    });
    // February to May unpaid: arrears went beyond 3 months when May was over.
    expect(arrears).toMatchObject({
      overdue: true,
      monthsInArrears: 4,
      unpaidPeriods: ['2026-02', '2026-03', '2026-04', '2026-05'],
      outstanding: { amount: '510.00' },
      rule: 'Dues are paid every month, in full and on time; a member who owes more than 3 months of dues is to be followed up by the branch.',
    });
    expect(new Set(found.map((o) => o.id)).size).toBe(found.length);
  });

  it('leaves out what falls due after the window, and lists it once the window reaches it', async () => {
    const m = await buildCommitteeB();
    const ids = (found: Found[]) => found.map((o) => o.member?.id ?? o.meetingKind ?? o.kind);
    const month = await obligations(tree.committeeB, 30);
    // Probation from 2025-09-01 ends 2026-09-01; the organizational life meeting is due by 2026-12-31.
    expect(ids(month)).not.toContain(m.lateProbation);
    expect(ids(month)).not.toContain('ORGANIZATIONAL_LIFE');
    // Three months unpaid (March to May) is not beyond 3 months.
    expect(ids(month)).not.toContain(m.threeMonths);

    const year = await obligations(tree.committeeB, 200);
    expect(summary(year).slice(-2)).toEqual([
      ['PROBATION_ENDING', '2026-09-01', tree.branchB1, m.lateProbation],
      ['MEETING_DUE', '2026-12-31', tree.branchB1, 'ORGANIZATIONAL_LIFE'],
    ]);
    // Due today only: the lapsed term, the overdue probation and the arrears.
    expect(summary(await obligations(tree.committeeB, 0)).map(([kind]) => kind)).toEqual(['PROBATION_ENDING', 'TERM_LAPSED', 'DUES_ARREARS']);
  });

  it('answers as of an earlier date: meetings held later were still due, arrears counted only for months over', async () => {
    const m = await buildCommitteeB();
    expect(summary(await obligations(tree.committeeB, 30, '2026-06-03'))).toEqual([
      ['PROBATION_ENDING', '2026-03-01', tree.branchB1, m.arrivedProbationary],
      ['TERM_LAPSED', '2026-05-01', tree.committeeB, null],
      ['DUES_ARREARS', '2026-06-01', tree.branchB1, m.arrears],
      ['MEETING_DUE', '2026-06-30', tree.branchB1, 'BRANCH_COMMITTEE'],
      ['MEETING_DUE', '2026-06-30', tree.branchB1, 'PARTY_LECTURE'],
      ['MEETING_DUE', '2026-06-30', tree.branchB1, 'THEME_PARTY_DAY'],
      ['TERM_ENDING', '2026-07-01', tree.branchB1, null],
      ['PROBATION_ENDING', '2026-07-01', tree.branchB1, m.probation],
    ]);
    // On 2026-05-20 only February to April were over and unpaid; the committee's term had lapsed already.
    const may = await obligations(tree.committeeB, 10, '2026-05-20');
    expect(may.map((o) => o.kind)).not.toContain('DUES_ARREARS');
    expect(may.find((o) => o.kind === 'TERM_LAPSED')?.unit?.id).toBe(tree.committeeB);
  });

  it('keeps to the subtree: a group sees its own meeting and leader, a district sees everything below it', async () => {
    const member = await register(server, '冯组长', tree.branchA2, '2016-01-01', tree.groupA2x);
    await server.ok(RecordElectionDocument, { input: { unitId: tree.groupA2x, heldOn: '2023-06-20', officers: [{ memberId: member, role: 'GROUP_LEADER' }] } });
    const group = await obligations(tree.groupA2x, 30);
    expect(summary(group)).toEqual([
      ['TERM_ENDING', '2026-06-20', tree.groupA2x, null],
      ['MEETING_DUE', '2026-06-30', tree.groupA2x, 'GROUP_MEETING'],
    ]);
    expect(group[0].rule).toBe('A group leader is elected for 3 years; a new election is due when the term ends.');
    await meet(tree.groupA2x, 'GROUP_MEETING', '2026-06-12', [member]);
    expect(summary(await obligations(tree.groupA2x, 30)).map(([kind]) => kind)).toEqual(['TERM_ENDING']);

    // Branch A2 has its own four meetings due by 2026-06-30 besides the group's term.
    const branch = await obligations(tree.branchA2, 30);
    expect(
      branch
        .filter((o) => o.kind === 'MEETING_DUE')
        .map((o) => o.meetingKind)
        .sort(),
    ).toEqual(['BRANCH_COMMITTEE', 'GENERAL_ASSEMBLY', 'PARTY_LECTURE', 'THEME_PARTY_DAY']);
    const district = await obligations(tree.district, 30);
    expect(district.filter((o) => o.kind === 'TERM_ENDING').map((o) => o.unit?.id)).toEqual([tree.groupA2x]);
    expect(new Set(district.filter((o) => o.kind === 'MEETING_DUE').map((o) => o.unit?.id))).toEqual(
      new Set([tree.branchA1, tree.branchA2, tree.branchB1, tree.groupA1x, tree.groupA1y]),
    );
    expect((await obligations(tree.committeeB, 30)).map((o) => o.unit?.id)).not.toContain(tree.groupA2x);
  });

  it('refuses a window outside 0..3660 days, naming the argument, and an unknown unit', async () => {
    for (const within of [-1, 3661]) {
      await expectRefused(server, () => server.request(ObligationsDocument, { unitId: tree.branchA1, within }), {
        code: 'BAD_USER_INPUT',
        reason: 'INPUT.OUT_OF_RANGE',
        field: 'within',
        mentions: ['within', String(within)],
      });
    }
    await expectRefused(server, () => server.request(ObligationsDocument, { unitId: 'no-such-unit', within: 30 }), {
      code: 'NOT_FOUND',
      reason: 'UNIT.NOT_FOUND',
      field: 'unitId',
      mentions: ['unitId', 'no-such-unit'],
    });
    // Not yet established on that date.
    await expectRefused(server, () => server.request(ObligationsDocument, { unitId: tree.branchA1, within: 30, asOf: '2014-12-31' }), {
      code: 'NOT_FOUND',
      field: 'unitId',
      mentions: 'unitId',
    });
  });
});
