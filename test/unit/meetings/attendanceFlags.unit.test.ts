import { attendanceFlag, type PartyDayOutcome } from '../../../src/domain/meetings/attendanceFlags';
import { periodsOverlapping } from '../../../src/domain/meetings/meetingRequirements';

const days = (outcomes: string): PartyDayOutcome[] =>
  [...outcomes].map((letter, index) => ({
    heldOn: `2024-${String(index + 1).padStart(2, '0')}-10`,
    outcome: letter === 'A' ? 'ABSENT' : letter === 'E' ? 'EXCUSED' : 'PRESENT',
  }));

describe('attendance flags for theme party days', () => {
  it('flags 3 unexcused absences in a row', () => {
    expect(attendanceFlag(days('PPAAAP'), '2024-12-31')).toMatchObject({ reason: 'CONSECUTIVE', absences: 3, longestRun: 3, lastAbsentOn: '2024-05-10' });
  });

  it('an excused absence or presence breaks a run; 2 in a row is not enough', () => {
    expect(attendanceFlag(days('AAEAPAA'), '2024-12-31')).toBeNull();
  });

  it('flags 6 unexcused absences in total within the twelve months', () => {
    expect(attendanceFlag(days('AAPAAPAAP'), '2024-12-31')).toMatchObject({ reason: 'CUMULATIVE', absences: 6, longestRun: 2, partyDays: 9 });
  });

  it('reports CONSECUTIVE when both rules are met', () => {
    expect(attendanceFlag(days('AAAPAAA'), '2024-12-31')).toMatchObject({ reason: 'CONSECUTIVE', absences: 6 });
  });

  it('only counts the twelve months up to asOf', () => {
    expect(attendanceFlag(days('AAAPPP'), '2025-03-31')).toBeNull();
    expect(attendanceFlag(days('AAAPPP'), '2024-02-29')).toBeNull();
    expect(attendanceFlag(days('AAAPPP'), '2024-03-10')).toMatchObject({ reason: 'CONSECUTIVE', absentOn: ['2024-01-10', '2024-02-10', '2024-03-10'] });
  });
});

describe('periods a meeting is due in', () => {
  it('lists the months, quarters and years overlapping a range', () => {
    expect(periodsOverlapping('2024-11', '2025-02', 'MONTHLY').map((p) => p.label)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodsOverlapping('2024-11', '2025-02', 'QUARTERLY')).toEqual([
      { label: '2024-Q4', first: '2024-10-01', last: '2024-12-31' },
      { label: '2025-Q1', first: '2025-01-01', last: '2025-03-31' },
    ]);
    expect(periodsOverlapping('2024-11', '2025-02', 'YEARLY').map((p) => p.label)).toEqual(['2024', '2025']);
  });
});
