import type { ListedMemberOnDate, RecordMeeting } from '../../../src/domain/meetings/meeting.commands';
import { meetingDecider } from '../../../src/domain/meetings/meeting.decide';
import type { MeetingEvent } from '../../../src/domain/meetings/meeting.events';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, groupG1, TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const inB1 = (name: string, group: string | null = 'g1'): ListedMemberOnDate => ({ name, unitIds: [...(group ? [group] : []), 'b1', 'c1', 'd1'] });
const listed = new Map<string, ListedMemberOnDate | null>([
  ['m1', inB1('张三')],
  ['m2', inB1('李四')],
  ['m3', inB1('王五', null)],
  ['m9', { name: '赵六', unitIds: ['b2', 'c1', 'd1'] }],
  ['gone', null],
]);

/** Branch b1 (under c1, under d1) holds its theme party day: m1 present, m2 excused, m3 absent. */
const recordMeeting = (overrides: Partial<RecordMeeting> = {}): RecordMeeting => ({
  type: 'RecordMeeting',
  meetingId: 'mt1',
  unitId: 'b1',
  unit: branchB1,
  kind: 'THEME_PARTY_DAY',
  topic: ' 学雷锋志愿服务 ',
  attendees: ['m1'],
  excused: ['m2'],
  absent: ['m3'],
  listed,
  effectiveDate: '2024-03-05',
  today: TODAY,
  ...overrides,
});

const recorded: MeetingEvent = {
  type: 'MeetingRecorded',
  data: {
    meetingId: 'mt1',
    unitId: 'b1',
    branchId: 'b1',
    kind: 'THEME_PARTY_DAY',
    heldOn: '2024-03-05',
    topic: '学雷锋志愿服务',
    attendees: ['m1'],
    excused: ['m2'],
    absent: ['m3'],
  },
};

const given = spec(meetingDecider).given;

describe('recording a meeting', () => {
  it('a branch records its theme party day with who was present, excused and absent', () => {
    given([]).when(recordMeeting()).then([recorded]);
  });

  it('a group records its group meeting; the event names the group and its branch', () => {
    given([])
      .when(recordMeeting({ unitId: 'g1', unit: groupG1, kind: 'GROUP_MEETING', topic: null, attendees: ['m1', 'm2'], excused: [], absent: [] }))
      .then([
        {
          type: 'MeetingRecorded',
          data: {
            meetingId: 'mt1',
            unitId: 'g1',
            branchId: 'b1',
            kind: 'GROUP_MEETING',
            heldOn: '2024-03-05',
            topic: null,
            attendees: ['m1', 'm2'],
            excused: [],
            absent: [],
          },
        },
      ]);
  });

  it("a committee's democratic life meeting may list members of any branch below it", () => {
    const committee = unit('c1', 'COMMITTEE', { parentId: 'd1' });
    const [event] = meetingDecider.decide(
      recordMeeting({ unitId: 'c1', unit: committee, kind: 'DEMOCRATIC_LIFE', attendees: ['m1', 'm9'], excused: [], absent: [] }),
      { exists: false },
    );
    expect(event.data).toMatchObject({ unitId: 'c1', branchId: null, attendees: ['m1', 'm9'] });
  });

  it('refuses a kind the unit level does not hold: a group meeting at a branch, a theme party day at a group', () => {
    given([])
      .when(recordMeeting({ kind: 'GROUP_MEETING' }))
      .thenThrows(RuleViolation, 'MEETING.KIND_WRONG_LEVEL');
    given([])
      .when(recordMeeting({ unitId: 'g1', unit: groupG1 }))
      .thenThrows(RuleViolation, 'MEETING.KIND_WRONG_LEVEL');
  });

  it('refuses a member listed twice, in one list or across lists', () => {
    const twice = given([])
      .when(recordMeeting({ attendees: ['m1', 'm1'], excused: [], absent: [] }))
      .thenThrows(InvalidInput, 'MEETING.MEMBER_LISTED_TWICE');
    expect(twice.field).toBe('input.attendees');
    const across = given([])
      .when(recordMeeting({ absent: ['m3', 'm2'] }))
      .thenThrows(InvalidInput, 'MEETING.MEMBER_LISTED_TWICE');
    expect(across.message).toContain('input.excused and in input.absent');
  });

  it('refuses, naming the first one, a member who did not belong to the unit that day', () => {
    const error = given([])
      .when(recordMeeting({ absent: ['m9', 'gone'] }))
      .thenThrows(RuleViolation, 'MEETING.NOT_IN_UNIT');
    expect(error.message).toContain('m9');
    expect(error.message).toContain('赵六');
    expect(error.field).toBe('input.absent');
    given([])
      .when(recordMeeting({ excused: ['gone'] }))
      .thenThrows(RuleViolation, 'MEETING.NOT_A_MEMBER');
    // m3 has no group: not a member of group g1.
    given([])
      .when(recordMeeting({ unitId: 'g1', unit: groupG1, kind: 'GROUP_MEETING', excused: [] }))
      .thenThrows(RuleViolation, 'MEETING.NOT_IN_UNIT');
  });

  it('refuses a meeting with nobody present, an unknown or inactive unit, a date in the future', () => {
    given([])
      .when(recordMeeting({ attendees: [] }))
      .thenThrows(InvalidInput, 'MEETING.NO_ATTENDEES');
    given([])
      .when(recordMeeting({ unit: null }))
      .thenThrows(NotFound, 'MEETING.UNIT_NOT_FOUND');
    given([])
      .when(recordMeeting({ unit: { ...branchB1, active: false } }))
      .thenThrows(RuleViolation, 'MEETING.UNIT_NOT_ACTIVE');
    given([])
      .when(recordMeeting({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
    given([])
      .when(recordMeeting({ kind: 'PICNIC' as never }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
  });

  it('records a meeting once', () => {
    given([on('2024-03-05', recorded)])
      .when(recordMeeting())
      .thenThrows(Conflict, 'MEETING.ALREADY_EXISTS');
  });
});
