import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';
import type { AttendanceOutcome } from '../../src/domain/meetings/meetingKind';
import { ATTENDANCE, MEETINGS, type AttendanceDocument, type MeetingDocument } from './meetings.documents';
import { meetingAggregate } from '../../src/domain/meetings/meeting.aggregate';
import { declaredCollection } from '../shared/declaredCollection';
import { defineProjection } from '../shared/defineProjection';
import { partyDayYearDocuments } from './partyDayYears';

type Meeting = PositionedEvent<MeetingEvent>;

/**
 * `meetings` and `attendance`: each meeting as recorded, and one record per listed member, so
 * that a member's theme party days and a branch's meetings are read through an index.
 * `partyDayYears`: each member's theme party days per calendar year, for attendance flags.
 */
export const meetingsProjection = defineProjection({
  name: 'meetings',
  handles: meetingAggregate.eventTypes,
  collections: [
    declaredCollection<Meeting, MeetingDocument>({
      collection: MEETINGS,
      indexes: [{ unitId: 1 }, { branchId: 1 }],
      documentIds: (event) => [event.data.meetingId],
      evolve: (_meeting, event) => meetingOf(event),
    }),
    declaredCollection<Meeting, AttendanceDocument>({
      collection: ATTENDANCE,
      indexes: [{ memberId: 1 }, { branchId: 1 }],
      documentIds: (event) => [...new Set(listedIn(event).map((memberId) => attendanceId(event, memberId)))],
      evolve: (_record, event, { id }) => attendanceOf(event, id.slice(event.data.meetingId.length + 1)),
    }),
    partyDayYearDocuments,
  ],
});

export function meetingOf(event: Meeting): MeetingDocument {
  switch (event.type) {
    case 'MeetingRecorded': {
      const { meetingId, unitId, branchId, kind, topic, attendees, excused, absent } = event.data;
      return {
        _id: meetingId,
        unitId,
        branchId,
        kind,
        heldOn: event.effectiveDate,
        topic,
        attendees,
        excused,
        absent,
        recordedAt: event.recordedAt,
        position: event.position,
        version: event.revision,
      };
    }
    default:
      return assertNever(event.type);
  }
}

function listedIn(event: Meeting): string[] {
  return [...event.data.attendees, ...event.data.excused, ...event.data.absent];
}

function attendanceId(event: Meeting, memberId: string): string {
  return `${event.data.meetingId}:${memberId}`;
}

/** How a listed member took part in a recorded meeting (listed twice, the later list counts). */
export function attendanceOf(event: Meeting, memberId: string): AttendanceDocument {
  const { meetingId, unitId, branchId, kind, excused, absent } = event.data;
  const outcome: AttendanceOutcome = absent.includes(memberId) ? 'ABSENT' : excused.includes(memberId) ? 'EXCUSED' : 'PRESENT';
  return { _id: attendanceId(event, memberId), meetingId, memberId, unitId, branchId, kind, heldOn: event.effectiveDate, outcome, position: event.position };
}
