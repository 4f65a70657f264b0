import type { FlagReason } from '../../src/domain/meetings/attendanceFlags';

export const ATTENDANCE_FLAG_STATES = 'attendanceFlagStates';

/**
 * Collection `attendanceFlagStates`: one document per member whose attendance flag was ever
 * recorded, with the flag as the last `AttendanceFlagRaised` / `AttendanceFlagCleared` left it.
 */
export type AttendanceFlagStateDocument = {
  /** The member id. */
  _id: string;
  raised: boolean;
  /** The branch the last event named. */
  branchId: string;
  /** Why it was raised (while raised), else null. */
  reason: FlagReason | null;
  /** The effective date of the last raise. */
  raisedOn: string;
  /** The effective date of the last event. */
  asOf: string;
  position: string;
};
