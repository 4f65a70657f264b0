import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { flagOf, flagWindow, partyDayTally } from './attendanceFlags';
import { requireEffectiveDate } from '../shared/validation';
import { evolve, initialAttendanceFlagState, type AttendanceFlagState } from './attendanceFlag';
import type { AttendanceFlagCommand, ReassessAttendanceFlag } from './attendanceFlag.commands';
import type { AttendanceFlagEvent } from './attendanceFlag.events';

/**
 * Raises the flag of a member who now has 3 unexcused absences in a row or 6 in total, clears
 * the flag of one who no longer has (or is no longer a member), and records nothing otherwise:
 * a raise is never recorded twice. A reassessment dated before the last recorded change is stale
 * and changes nothing.
 */
export function reassess(command: ReassessAttendanceFlag, state: AttendanceFlagState): AttendanceFlagEvent[] {
  const asOf = requireEffectiveDate(command);
  if (state.asOf !== null && asOf < state.asOf) return [];
  const tally = partyDayTally(command.partyDays, flagWindow(asOf));
  const flag = command.branchId === null ? null : flagOf(tally);
  const { memberId } = command;
  if (flag !== null && command.branchId !== null && !state.raised) {
    const { reason, absences, longestRun, partyDays, absentOn, lastAbsentOn } = flag;
    return [
      {
        type: 'AttendanceFlagRaised',
        data: { memberId, branchId: command.branchId, reason, unexcusedAbsences: absences, longestRun, partyDays, absentOn, lastAbsentOn, asOf },
      },
    ];
  }
  if (flag === null && state.raised) {
    return [
      {
        type: 'AttendanceFlagCleared',
        data: {
          memberId,
          branchId: command.branchId ?? state.branchId,
          reason: command.branchId === null ? 'NOT_A_MEMBER' : 'BELOW_THRESHOLD',
          unexcusedAbsences: tally.absences,
          longestRun: tally.longestRun,
          raisedOn: state.raisedOn,
          asOf,
        },
      },
    ];
  }
  return [];
}

export function decide(command: AttendanceFlagCommand, state: AttendanceFlagState): AttendanceFlagEvent[] {
  switch (command.type) {
    case 'ReassessAttendanceFlag':
      return reassess(command, state);
    default:
      return assertNever(command.type);
  }
}

export const attendanceFlagDecider: Decider<AttendanceFlagCommand, AttendanceFlagEvent, AttendanceFlagState> = {
  initialState: initialAttendanceFlagState,
  evolve,
  decide,
};
