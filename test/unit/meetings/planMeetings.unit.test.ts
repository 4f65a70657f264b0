import { attendanceFlag } from '../../../src/domain/meetings/attendanceFlags';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregatesReadBy, DEFAULT_SIZES, type PlannedCommand } from '../../../src/cli/seed/seedPlan';

const today = new Date().toISOString().slice(0, 10);
const plan = planSeed({ ...DEFAULT_SIZES, seed: 1, endDate: lastMonthEnd(today), transferExpiryDays: 90 });
const meetings = plan.commands.filter((command): command is Extract<PlannedCommand, { kind: 'recordMeeting' }> => command.kind === 'recordMeeting');

describe('the meetings of the seed plan', () => {
  it('records every required kind, one command per meeting, and keeps the seed small', () => {
    expect(new Set(meetings.map((meeting) => meeting.meetingKind))).toEqual(
      new Set(['BRANCH_COMMITTEE', 'THEME_PARTY_DAY', 'GROUP_MEETING', 'GENERAL_ASSEMBLY', 'PARTY_LECTURE', 'ORGANIZATIONAL_LIFE']),
    );
    expect(meetings.length).toBeGreaterThan(1_000);
    expect(meetings.length).toBeLessThan(8_000);
  });

  it('lists everyone once, with at least one present, and most members present', () => {
    let present = 0;
    let listed = 0;
    for (const meeting of meetings) {
      const all = [...meeting.attendees, ...meeting.excused, ...meeting.absent];
      expect(new Set(all).size).toBe(all.length);
      expect(meeting.attendees.length).toBeGreaterThan(0);
      present += meeting.attendees.length;
      listed += all.length;
    }
    expect(present / listed).toBeGreaterThan(0.8);
  });

  it('has a few members flagged for theme party days at the end of the history', () => {
    const outcomes = new Map<string, { heldOn: string; outcome: 'PRESENT' | 'EXCUSED' | 'ABSENT' }[]>();
    const add = (member: string, heldOn: string, outcome: 'PRESENT' | 'EXCUSED' | 'ABSENT') =>
      outcomes.set(member, [...(outcomes.get(member) ?? []), { heldOn, outcome }]);
    for (const meeting of meetings.filter((m) => m.meetingKind === 'THEME_PARTY_DAY')) {
      for (const member of meeting.attendees) add(member, meeting.on, 'PRESENT');
      for (const member of meeting.excused) add(member, meeting.on, 'EXCUSED');
      for (const member of meeting.absent) add(member, meeting.on, 'ABSENT');
    }
    const flagged = [...outcomes.values()].filter((days) => attendanceFlag(days, plan.endDate) !== null).length;
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(outcomes.size * 0.05);
  });

  it('makes each meeting wait for the commands of the members it lists', () => {
    for (const meeting of meetings) expect(aggregatesReadBy(meeting).sort()).toEqual([...meeting.attendees, ...meeting.excused, ...meeting.absent].sort());
  });
});
