import type { AttendanceOutcome, MeetingKind } from '../src/domain/meeting/meetingKind';

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
