import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';
import type { AttendanceOutcome } from '../../src/domain/meetings/meetingKind';
import { ATTENDANCE, MEETINGS, type AttendanceDocument, type MeetingDocument } from './meetings.documents';
import { meetingAggregate } from '../../src/domain/meetings/meeting.aggregate';
import { declaredCollection } from '../shared/declaredCollection';
import { derivedCollection } from '../shared/derivedCollection';
import { defineProjection } from '../shared/defineProjection';
import { partyDayYearDocuments } from './partyDayYears';
import { whereIn } from '../shared/correctionScope';

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
      forgets: (scope) => whereIn('_id', scope.idsIn('meeting')),
      evolve: (_meeting, event) => meetingOf(event),
    }),
    derivedCollection({
      collection: ATTENDANCE,
      indexes: [{ memberId: 1 }, { branchId: 1 }],
      documentsOf: attendanceOf,
      forgets: (scope) => whereIn('meetingId', scope.idsIn('meeting')),
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

/** One record per listed member of a recorded meeting. */
export function attendanceOf(event: Meeting): AttendanceDocument[] {
  const { meetingId, unitId, branchId, kind, attendees, excused, absent } = event.data;
  const record = (memberId: string, outcome: AttendanceOutcome): AttendanceDocument => ({
    _id: `${meetingId}:${memberId}`,
    meetingId,
    memberId,
    unitId,
    branchId,
    kind,
    heldOn: event.effectiveDate,
    outcome,
    position: event.position,
  });
  return [...attendees.map((id) => record(id, 'PRESENT')), ...excused.map((id) => record(id, 'EXCUSED')), ...absent.map((id) => record(id, 'ABSENT'))];
}
