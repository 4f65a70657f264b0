import type { AttendanceOutcome, MeetingKind } from '../../src/domain/meetings/meetingKind';

export const MEETINGS = 'meetings';

/** Collection `meetings`: one document per meeting, with its attendance lists. */
export type MeetingDocument = {
  _id: string;
  unitId: string;
  /** The branch the meeting belongs to (a group's branch); null for a committee or district. */
  branchId: string | null;
  kind: MeetingKind;
  heldOn: string;
  topic: string | null;
  attendees: string[];
  excused: string[];
  absent: string[];
  recordedAt: string;
  position: string;
  version: number;
};

export const ATTENDANCE = 'attendance';

/** Collection `attendance`: how one listed member took part in one meeting. */
export type AttendanceDocument = {
  /** `${meetingId}:${memberId}` */
  _id: string;
  meetingId: string;
  memberId: string;
  unitId: string;
  branchId: string | null;
  kind: MeetingKind;
  heldOn: string;
  outcome: AttendanceOutcome;
  position: string;
};

export const PARTY_DAY_YEARS = 'partyDayYears';

/**
 * Collection `partyDayYears`: the theme party days one member was listed at in one calendar
 * year, by outcome, so that a member's record for the twelve months up to a date is at most two
 * small documents read by id, however long their history. Dates are `YYYY-MM-DD`, oldest first;
 * a date appears once per meeting held that day.
 */
export type PartyDayYearDocument = {
  /** `${memberId}:${year}` (see `partyDayYearId`). */
  _id: string;
  memberId: string;
  /** The calendar year, `YYYY`. */
  year: string;
  presentOn: string[];
  excusedOn: string[];
  /** Unexcused absences. */
  absentOn: string[];
  /**
   * The member id when `absentOn` is not empty, else null; indexed. A year without an unexcused
   * absence can add neither to a member's absences nor to a run of them, so flags read only the
   * years found through this field.
   */
  absentMemberId: string | null;
  position: string;
};
