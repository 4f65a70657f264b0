import type { PartyDayOutcome } from './attendanceFlags';
import type { CommandTime } from '../shared/commandTime';

/**
 * Look at a member's theme party days again, as of the effective date, and record whether their
 * flag changed. Issued by the app (not by people) whenever meetings, memberships or the date move.
 */
export type ReassessAttendanceFlag = CommandTime & {
  type: 'ReassessAttendanceFlag';
  memberId: string;
  /** The member's branch on the effective date; null when they are not an active member then. */
  branchId: string | null;
  /** Every theme party day they were listed at in the twelve months up to the effective date (others are ignored). */
  partyDays: readonly PartyDayOutcome[];
};

export type AttendanceFlagCommand = ReassessAttendanceFlag;
