import { AttendanceFlagsDocument, MeetingComplianceDocument, MeetingEventsDocument, RecordMeetingDocument, type MeetingKind } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

describe('meetings over GraphQL: record, attendance flags, compliance', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const record = (unitId: string, kind: MeetingKind, heldOn: string, attendees: string[], excused: string[] = [], absent: string[] = []) =>
    server.ok(RecordMeetingDocument, { input: { unitId, kind, heldOn, attendees, excused, absent } });

  it('records a theme party day with its attendance; the event concerns the branch subtree and every listed member', async () => {
    const [a, b, c] = [
      await register(server, '张三', tree.branchA1, '2016-01-01'),
      await register(server, '李四', tree.branchA1, '2016-01-01'),
      await register(server, '王五', tree.branchA1, '2016-01-01'),
    ];
    const { recordMeeting } = await server.ok(RecordMeetingDocument, {
      input: { unitId: tree.branchA1, kind: 'THEME_PARTY_DAY', heldOn: '2026-03-05', topic: '学雷锋志愿服务', attendees: [a], excused: [b], absent: [c] },
    });
    expect(recordMeeting.eventIds).toHaveLength(1);
    expect(recordMeeting.meeting).toEqual({
      id: expect.any(String),
      kind: 'THEME_PARTY_DAY',
      heldOn: '2026-03-05',
      topic: '学雷锋志愿服务',
      attendeeIds: [a],
      excusedIds: [b],
      absentIds: [c],
      unit: { id: tree.branchA1 },
    });
    for (const unitId of [tree.branchA1, tree.committeeA, tree.district]) {
      const { events } = await server.ok(MeetingEventsDocument, { filter: { unitId, categories: ['meeting'] } });
      expect(events.edges.map((edge) => edge.node.stream)).toEqual([`meeting-${recordMeeting.meeting!.id}`]);
    }
    const { events } = await server.ok(MeetingEventsDocument, { filter: { memberId: c, categories: ['meeting'] } });
    expect(events.edges.map((edge) => edge.node.type)).toEqual(['MeetingRecorded']);
  });

  it('flags 3 unexcused absences in a row from theme party days, for the branch and the committee, as of a date', async () => {
    const steady = await register(server, '张三', tree.branchA1, '2016-01-01');
    const missing = await register(server, '赵六', tree.branchA1, '2016-01-01');
    for (const month of ['01', '02', '03', '04']) {
      const absent = month === '01' ? [] : [missing];
      await record(tree.branchA1, 'THEME_PARTY_DAY', `2026-${month}-08`, month === '01' ? [steady, missing] : [steady], [], absent);
    }
    expect(await server.ok(AttendanceFlagsDocument, { unitId: tree.branchA1, asOf: '2026-03-31' })).toEqual({ attendanceFlags: [] });
    const flagged = {
      memberId: missing,
      reason: 'CONSECUTIVE',
      absences: 3,
      longestRun: 3,
      partyDays: 4,
      absentOn: ['2026-02-08', '2026-03-08', '2026-04-08'],
      lastAbsentOn: '2026-04-08',
      member: { id: missing, name: '赵六' },
    };
    expect((await server.ok(AttendanceFlagsDocument, { unitId: tree.branchA1, asOf: '2026-04-30' })).attendanceFlags).toEqual([flagged]);
    expect((await server.ok(AttendanceFlagsDocument, { unitId: tree.committeeA, asOf: '2026-04-30' })).attendanceFlags).toEqual([flagged]);
    expect((await server.ok(AttendanceFlagsDocument, { unitId: tree.committeeB, asOf: '2026-04-30' })).attendanceFlags).toEqual([]);
    // Twelve months later the absences have aged out.
    expect((await server.ok(AttendanceFlagsDocument, { unitId: tree.branchA1, asOf: '2027-02-28' })).attendanceFlags).toEqual([]);
  });

  it('reports per branch and group which required meetings were held and which are missing', async () => {
    const member = await register(server, '张三', tree.branchA2, '2016-01-01', tree.groupA2x);
    await record(tree.branchA2, 'THEME_PARTY_DAY', '2026-01-08', [member]);
    await record(tree.branchA2, 'GENERAL_ASSEMBLY', '2026-02-18', [member]);
    await record(tree.groupA2x, 'GROUP_MEETING', '2026-02-20', [member]);
    const { meetingCompliance } = await server.ok(MeetingComplianceDocument, { unitId: tree.branchA2, from: '2026-01', to: '2026-02' });
    expect(meetingCompliance).toMatchObject({ from: '2026-01', to: '2026-02', asOf: '2026-02-28' });
    const [branch] = meetingCompliance.branches;
    expect(branch.branch).toEqual({ name: '第二党支部' });
    const row = (kind: string) => branch.requirements.find((requirement) => requirement.kind === kind);
    expect(row('THEME_PARTY_DAY')).toMatchObject({
      unitId: tree.branchA2,
      frequency: 'MONTHLY',
      periods: ['2026-01', '2026-02'],
      held: ['2026-01'],
      missing: ['2026-02'],
    });
    expect(row('GENERAL_ASSEMBLY')).toMatchObject({ frequency: 'QUARTERLY', periods: ['2026-Q1'], held: ['2026-Q1'], missing: [] });
    expect(row('GROUP_MEETING')).toMatchObject({ unitId: tree.groupA2x, held: ['2026-02'], missing: ['2026-01'] });
    expect(row('ORGANIZATIONAL_LIFE')).toMatchObject({ frequency: 'YEARLY', periods: ['2026'], missing: ['2026'] });
    // Committee meetings 2, theme party day 1, general assembly 0, lecture 1, organizational life 1, group meeting 1.
    expect(branch.missingCount).toBe(6);
    // A committee reports each of its branches.
    const committee = await server.ok(MeetingComplianceDocument, { unitId: tree.committeeA, from: '2026-01', to: '2026-02' });
    expect(committee.meetingCompliance.branches.map((b) => b.branchId).sort()).toEqual([tree.branchA1, tree.branchA2].sort());
  });

  it('refuses a member who does not belong to the unit that day, naming them, and writes nothing', async () => {
    const inA1 = await register(server, '张三', tree.branchA1, '2016-01-01');
    const inB1 = await register(server, '钱七', tree.branchB1, '2016-01-01');
    await expectRefused(
      server,
      () =>
        server.request(RecordMeetingDocument, {
          input: { unitId: tree.branchA1, kind: 'THEME_PARTY_DAY', heldOn: '2026-03-05', attendees: [inA1], absent: [inB1] },
        }),
      {
        code: 'RULE_VIOLATION',
        reason: 'MEETING.NOT_IN_UNIT',
        field: 'input.absent',
        mentions: [inB1, '钱七'],
      },
    );
  });

  it('refuses a member listed twice, a kind the unit does not hold, and a bad period range, and writes nothing', async () => {
    const id = await register(server, '张三', tree.branchA1, '2016-01-01');
    await expectRefused(
      server,
      () =>
        server.request(RecordMeetingDocument, {
          input: { unitId: tree.branchA1, kind: 'THEME_PARTY_DAY', heldOn: '2026-03-05', attendees: [id], excused: [id] },
        }),
      {
        code: 'BAD_USER_INPUT',
        reason: 'MEETING.MEMBER_LISTED_TWICE',
        field: 'input.excused',
        mentions: id,
      },
    );
    await expectRefused(
      server,
      () => server.request(RecordMeetingDocument, { input: { unitId: tree.branchA1, kind: 'GROUP_MEETING', heldOn: '2026-03-05', attendees: [id] } }),
      {
        code: 'RULE_VIOLATION',
        reason: 'MEETING.KIND_WRONG_LEVEL',
        field: 'input.kind',
        mentions: 'GROUP',
      },
    );
    await expectRefused(server, () => server.request(MeetingComplianceDocument, { unitId: tree.branchA1, from: '2026-13', to: '2026-02' }), {
      code: 'BAD_USER_INPUT',
      reason: 'PERIOD.INVALID',
      field: 'from',
      mentions: 'YYYY-MM',
    });
  });
});
