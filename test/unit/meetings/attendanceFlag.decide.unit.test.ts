import type { ReassessAttendanceFlag } from '../../../src/domain/meetings/attendanceFlag.commands';
import { attendanceFlagDecider } from '../../../src/domain/meetings/attendanceFlag.decide';
import type { AttendanceFlagCleared, AttendanceFlagEvent, AttendanceFlagRaised } from '../../../src/domain/meetings/attendanceFlag.events';
import type { PartyDayOutcome } from '../../../src/domain/meetings/attendanceFlags';
import { InvalidInput } from '../../../src/domain/shared/errors';
import { on, spec } from '../../support/deciderSpecification';

/** Theme party days on the 8th of each month from January 2024, one letter each: Present, Excused, Absent. */
const days = (outcomes: string): PartyDayOutcome[] =>
  [...outcomes].map((letter, index) => ({
    heldOn: `2024-${String(index + 1).padStart(2, '0')}-08`,
    outcome: letter === 'A' ? 'ABSENT' : letter === 'E' ? 'EXCUSED' : 'PRESENT',
  }));

const reassess = (overrides: Partial<ReassessAttendanceFlag> = {}): ReassessAttendanceFlag => ({
  type: 'ReassessAttendanceFlag',
  memberId: 'm1',
  branchId: 'b1',
  partyDays: days('PAAA'),
  effectiveDate: '2024-05-01',
  today: '2025-12-31',
  ...overrides,
});

const raised: AttendanceFlagRaised = {
  type: 'AttendanceFlagRaised',
  data: {
    memberId: 'm1',
    branchId: 'b1',
    reason: 'CONSECUTIVE',
    unexcusedAbsences: 3,
    longestRun: 3,
    partyDays: 4,
    absentOn: ['2024-02-08', '2024-03-08', '2024-04-08'],
    lastAbsentOn: '2024-04-08',
    asOf: '2024-05-01',
  },
};

const cleared = (overrides: Partial<AttendanceFlagCleared['data']> = {}): AttendanceFlagCleared => ({
  type: 'AttendanceFlagCleared',
  data: {
    memberId: 'm1',
    branchId: 'b1',
    reason: 'BELOW_THRESHOLD',
    unexcusedAbsences: 2,
    longestRun: 1,
    raisedOn: '2024-05-01',
    asOf: '2024-06-01',
    ...overrides,
  },
});

const given = spec(attendanceFlagDecider).given;
const flagRaised = on<AttendanceFlagEvent>('2024-05-01', raised);

describe("reassessing a member's attendance flag", () => {
  it('raises the flag of a member with 3 unexcused absences in a row from theme party days', () => {
    given([]).when(reassess()).then([raised]);
  });

  it('raises it for 6 in total, naming the reason CUMULATIVE', () => {
    const [event] = attendanceFlagDecider.decide(reassess({ partyDays: days('AAPAAPAA'), effectiveDate: '2024-09-01' }), attendanceFlagDecider.initialState());
    expect(event).toMatchObject({
      type: 'AttendanceFlagRaised',
      data: { reason: 'CUMULATIVE', unexcusedAbsences: 6, longestRun: 2, partyDays: 8, lastAbsentOn: '2024-08-08' },
    });
  });

  it('records nothing while the flag stays raised, and nothing for a member who is not flagged', () => {
    given([flagRaised])
      .when(reassess({ partyDays: days('PAAAA'), effectiveDate: '2024-06-01' }))
      .then([]);
    given([])
      .when(reassess({ partyDays: days('PAAPA') }))
      .then([]);
  });

  it('clears the flag once a day the member attended breaks the run (recorded late)', () => {
    const lateAttended: PartyDayOutcome = { heldOn: '2024-03-20', outcome: 'PRESENT' };
    given([flagRaised])
      .when(reassess({ partyDays: [...days('PAAA'), lateAttended], effectiveDate: '2024-06-01' }))
      .then([cleared({ unexcusedAbsences: 3, longestRun: 2 })]);
  });

  it('clears it when the absences age out of the twelve months', () => {
    given([flagRaised])
      .when(reassess({ effectiveDate: '2025-03-01' }))
      .then([cleared({ unexcusedAbsences: 2, longestRun: 2, asOf: '2025-03-01' })]);
  });

  it('clears it for a member who is no longer a member, naming the branch of the raise', () => {
    given([flagRaised])
      .when(reassess({ branchId: null, effectiveDate: '2024-06-01' }))
      .then([cleared({ reason: 'NOT_A_MEMBER', unexcusedAbsences: 3, longestRun: 3 })]);
    given([])
      .when(reassess({ branchId: null }))
      .then([]);
  });

  it('raises it again after a clear, and a reassessment dated before the last change changes nothing', () => {
    const history = [flagRaised, on<AttendanceFlagEvent>('2024-06-01', cleared())];
    const [again] = attendanceFlagDecider.decide(
      reassess({ partyDays: days('PAAAPAAA'), effectiveDate: '2024-09-01' }),
      history.reduce(attendanceFlagDecider.evolve, attendanceFlagDecider.initialState()),
    );
    expect(again).toMatchObject({ type: 'AttendanceFlagRaised', data: { asOf: '2024-09-01', unexcusedAbsences: 6 } });
    given(history)
      .when(reassess({ effectiveDate: '2024-05-15' }))
      .then([]);
  });

  it('refuses a date after today', () => {
    given([])
      .when(reassess({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});
