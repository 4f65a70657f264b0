import { eventTypesOf } from '../aggregate';
import type { FlagReason } from './attendanceFlags';

/** Why a raised flag no longer holds. */
export type FlagClearedReason =
  /** Fewer than 3 unexcused absences in a row and 6 in total in the twelve months: absences aged out, a meeting attended was recorded late, or one was retracted. */
  | 'BELOW_THRESHOLD'
  /** The member is no longer an active member (left, or their registration was retracted). */
  | 'NOT_A_MEMBER';

/**
 * Events of stream `attendanceflag-<memberId>`: derived facts. Whether a member is to be dealt
 * with for missing theme party days (DOMAIN.md "Meetings") follows from the meetings and
 * memberships recorded; the app records when it changes, so that subscribers hear of it. The
 * effective date is the day the change was seen (`asOf`); raised and cleared alternate.
 */
export type AttendanceFlagRaised = {
  type: 'AttendanceFlagRaised';
  data: {
    memberId: string;
    /** The member's branch on `asOf`. */
    branchId: string;
    reason: FlagReason;
    /** Unexcused absences from theme party days in the twelve months up to `asOf`. */
    unexcusedAbsences: number;
    /** The longest run of them in a row. */
    longestRun: number;
    /** Theme party days the member was listed at in those twelve months. */
    partyDays: number;
    /** The days of the unexcused absences, oldest first. */
    absentOn: string[];
    lastAbsentOn: string;
    /** The day the flag was found to hold; the same as the effective date. */
    asOf: string;
  };
};

export type AttendanceFlagCleared = {
  type: 'AttendanceFlagCleared';
  data: {
    memberId: string;
    /** The member's branch on `asOf`; the branch named when the flag was raised if they are no longer a member. */
    branchId: string;
    reason: FlagClearedReason;
    /** What is left in the twelve months up to `asOf`. */
    unexcusedAbsences: number;
    longestRun: number;
    /** The effective date of the `AttendanceFlagRaised` this clears. */
    raisedOn: string;
    /** The day the flag was found no longer to hold; the same as the effective date. */
    asOf: string;
  };
};

export type AttendanceFlagEvent = AttendanceFlagRaised | AttendanceFlagCleared;

export const attendanceFlagStream = (memberId: string): string => `attendanceflag-${memberId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const attendanceFlagEventTypes = eventTypesOf<AttendanceFlagEvent>({ AttendanceFlagRaised: true, AttendanceFlagCleared: true });
