import {
  AssessmentEventsDocument,
  GroupRankingDocument,
  MemberAppraisalsDocument,
  RecordAppraisalDocument,
  RecordGroupScoreDocument,
  UnitGroupScoresDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

const scores = (overrides: Record<string, string> = {}) => ({
  memberEducation: '1.5',
  memberManagement: '1.25',
  memberDevelopment: '0.8',
  servingTheCentre: '2.75',
  contactWithPublic: '1.2',
  distinctiveWork: '1',
  ...overrides,
});

describe('group scores and democratic appraisals over GraphQL', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const score = (groupId: string, quarter: string, effectiveDate: string, overrides: Record<string, string> = {}) =>
    server.ok(RecordGroupScoreDocument, { input: { groupId, quarter, scores: scores(overrides), effectiveDate } });

  it('scores groups for a quarter and ranks those under a unit; a re-score supersedes and shows its predecessor', async () => {
    const first = await score(tree.groupA1x, '2026-Q1', '2026-04-05');
    expect(first.recordGroupScore.eventIds).toHaveLength(1);
    expect(first.recordGroupScore.version).toBe(0);
    expect(first.recordGroupScore.groupScore).toMatchObject({
      quarter: '2026-Q1',
      total: '8.50',
      scoredOn: '2026-04-05',
      supersedes: null,
      group: { id: tree.groupA1x },
      scores: {
        memberEducation: '1.50',
        memberManagement: '1.25',
        memberDevelopment: '0.80',
        servingTheCentre: '2.75',
        contactWithPublic: '1.20',
        distinctiveWork: '1.00',
      },
    });
    await score(tree.groupA1y, '2026-Q1', '2026-04-05', { distinctiveWork: '1.5' });
    await score(tree.groupA2x, '2026-Q1', '2026-04-06', { servingTheCentre: '1' });

    const ranking = async (unitId: string, asOf?: string) =>
      (await server.ok(GroupRankingDocument, { unitId, quarter: '2026-Q1', asOf })).groupRanking.map((entry) => [
        entry.group!.id,
        entry.total,
        entry.rank,
        entry.redFlagCandidate,
      ]);
    expect(await ranking(tree.committeeA)).toEqual([
      [tree.groupA1y, '9.00', 1, true],
      [tree.groupA1x, '8.50', 2, false],
      [tree.groupA2x, '6.75', 3, false],
    ]);
    expect(await ranking(tree.branchA2)).toEqual([[tree.groupA2x, '6.75', 1, false]]);
    expect(await ranking(tree.committeeB)).toEqual([]);

    const rescore = await score(tree.groupA1x, '2026-Q1', '2026-04-20', { distinctiveWork: '1.5', memberDevelopment: '1' });
    const firstId = first.recordGroupScore.groupScore!.id;
    expect(rescore.recordGroupScore.version).toBe(1);
    expect(rescore.recordGroupScore.groupScore).toMatchObject({
      total: '9.20',
      supersedes: firstId,
      superseded: [{ id: firstId, total: '8.50', supersededBy: rescore.recordGroupScore.groupScore!.id }],
    });
    expect((await ranking(tree.committeeA)).map(([id, total, rank]) => [id, total, rank])).toEqual([
      [tree.groupA1x, '9.20', 1],
      [tree.groupA1y, '9.00', 2],
      [tree.groupA2x, '6.75', 3],
    ]);
    // Before the re-score took effect, the first score stood.
    expect((await ranking(tree.committeeA, '2026-04-10'))[1]).toEqual([tree.groupA1x, '8.50', 2, false]);

    const { unit } = await server.ok(UnitGroupScoresDocument, { id: tree.groupA1x });
    expect(unit!.groupScores.map((entry) => [entry.quarter, entry.total, entry.superseded.length])).toEqual([['2026-Q1', '9.20', 1]]);

    const { events } = await server.ok(AssessmentEventsDocument, { filter: { unitId: tree.committeeA, categories: ['groupscore'] } });
    expect(events.totalCount).toBe(4);
  });

  it('refuses a score above the category maximum, a non-group, and a quarter not begun, and writes nothing', async () => {
    await expectRefused(
      server,
      () => server.request(RecordGroupScoreDocument, { input: { groupId: tree.groupA1x, quarter: '2026-Q1', scores: scores({ servingTheCentre: '3.5' }) } }),
      {
        code: 'BAD_USER_INPUT',
        reason: 'GROUP_SCORE.OUT_OF_RANGE',
        field: 'input.scores.servingTheCentre',
        mentions: ['input.scores.servingTheCentre', '3.00'],
      },
    );
    await expectRefused(server, () => server.request(RecordGroupScoreDocument, { input: { groupId: tree.branchA1, quarter: '2026-Q1', scores: scores() } }), {
      code: 'RULE_VIOLATION',
      reason: 'GROUP_SCORE.NOT_A_GROUP',
      field: 'input.groupId',
      mentions: 'BRANCH',
    });
    await expectRefused(server, () => server.request(RecordGroupScoreDocument, { input: { groupId: tree.groupA1x, quarter: '2026-Q3', scores: scores() } }), {
      code: 'BAD_USER_INPUT',
      reason: 'QUARTER.IN_FUTURE',
      field: 'input.quarter',
      mentions: '2026-Q3',
    });
    const bad = await server.request(GroupRankingDocument, { unitId: tree.committeeA, quarter: '2026 Q1' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('appraises a member per year; a second appraisal of the year supersedes the first', async () => {
    const id = await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    const first = await server.ok(RecordAppraisalDocument, { input: { memberId: id, year: 2025, grade: 'QUALIFIED', effectiveDate: '2026-01-15' } });
    expect(first.recordAppraisal.appraisal).toMatchObject({ memberId: id, year: 2025, grade: 'QUALIFIED', supersedes: null, superseded: [] });
    await server.ok(RecordAppraisalDocument, { input: { memberId: id, year: 2024, grade: 'EXCELLENT', effectiveDate: '2025-01-10' } });
    const second = await server.ok(RecordAppraisalDocument, {
      input: { memberId: id, year: 2025, grade: 'EXCELLENT', effectiveDate: '2026-02-01', expectedVersion: 1 },
    });
    const firstId = first.recordAppraisal.appraisal!.id;
    expect(second.recordAppraisal.version).toBe(2);
    expect(second.recordAppraisal.appraisal).toMatchObject({ grade: 'EXCELLENT', supersedes: firstId, superseded: [{ id: firstId, grade: 'QUALIFIED' }] });

    const { member } = await server.ok(MemberAppraisalsDocument, { id, year: 2025 });
    expect(member!.appraisals.map((appraisal) => [appraisal.year, appraisal.grade, appraisal.superseded.length])).toEqual([
      [2024, 'EXCELLENT', 0],
      [2025, 'EXCELLENT', 1],
    ]);
    expect(member!.appraisal).toMatchObject({ year: 2025, grade: 'EXCELLENT' });
    const before = await server.ok(MemberAppraisalsDocument, { id, year: 2025, asOf: '2026-01-20' });
    expect(before.member!.appraisal).toMatchObject({ id: firstId, grade: 'QUALIFIED', supersededBy: null });

    const { events } = await server.ok(AssessmentEventsDocument, { filter: { memberId: id, categories: ['appraisal'] } });
    expect(events.edges.map((edge) => edge.node.stream)).toEqual([`appraisal-${id}`, `appraisal-${id}`, `appraisal-${id}`]);
  });

  it('refuses an appraisal for a year the member was not yet a member, and a year in the future, and writes nothing', async () => {
    const id = await register(server, '李四', tree.branchB1, '2016-01-01');
    await expectRefused(
      server,
      () => server.request(RecordAppraisalDocument, { input: { memberId: id, year: 2015, grade: 'QUALIFIED', effectiveDate: '2016-01-10' } }),
      {
        code: 'RULE_VIOLATION',
        reason: 'APPRAISAL.NOT_A_MEMBER_THAT_YEAR',
        field: 'input.memberId',
        mentions: '2015',
      },
    );
    await expectRefused(server, () => server.request(RecordAppraisalDocument, { input: { memberId: id, year: 2027, grade: 'QUALIFIED' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'APPRAISAL.BAD_YEAR',
      field: 'input.year',
      mentions: 'input.year',
    });
  });
});
