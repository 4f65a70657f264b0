import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';
import type { AttendanceOutcome } from '../../src/domain/meetings/meetingKind';
import { ATTENDANCE, MEETINGS, PARTY_DAY_YEARS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { meetingAggregate } from '../../src/domain/meetings/meeting.aggregate';
import type { AttendanceDocument, MeetingDocument, PartyDayYearDocument } from './meetings.documents';
import { partyDayOutcomes, partyDayYearId, withPartyDay } from './partyDayYears';
import type { Projection } from '../shared/projection';

const isMeetingEvent = eventsOf(meetingAggregate);

/**
 * `meetings` and `attendance`: each meeting as recorded, and one record per listed member, so
 * that a member's theme party days and a branch's meetings are read through an index.
 * `partyDayYears`: each member's theme party days per calendar year, for attendance flags.
 */
export const meetingsProjection: Projection = {
  name: 'meetings',
  collections: [MEETINGS, ATTENDANCE, PARTY_DAY_YEARS],

  async setup(store) {
    const meetings = store.collection<MeetingDocument>(MEETINGS);
    for (const field of ['unitId', 'branchId']) await meetings.createIndex({ keys: { [field]: 1 } });
    const attendance = store.collection<AttendanceDocument>(ATTENDANCE);
    for (const field of ['memberId', 'branchId']) await attendance.createIndex({ keys: { [field]: 1 } });
    const years = store.collection<PartyDayYearDocument>(PARTY_DAY_YEARS);
    for (const field of ['absentMemberId', 'year']) await years.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const meetingEvents = events.filter(isMeetingEvent);
    if (meetingEvents.length === 0) return;
    const meetings = new DocumentCache(store.collection<MeetingDocument>(MEETINGS));
    const attendance = new DocumentCache(store.collection<AttendanceDocument>(ATTENDANCE));
    await meetings.load(meetingEvents.map((event) => event.data.meetingId));
    for (const event of meetingEvents) {
      if (alreadyApplied(meetings.get(event.data.meetingId), event)) continue;
      meetings.put(meetingOf(event));
      for (const record of attendanceOf(event)) attendance.put(record);
    }
    await meetings.flush();
    await attendance.flush();
    await applyPartyDays(meetingEvents, new DocumentCache(store.collection<PartyDayYearDocument>(PARTY_DAY_YEARS)));
  },
};

/** Adds each theme party day to the year document of every member listed, in log order. */
async function applyPartyDays(events: readonly PositionedEvent<MeetingEvent>[], years: DocumentCache<PartyDayYearDocument>): Promise<void> {
  const listed = events.map((event) => ({ event, outcomes: partyDayOutcomes(event) })).filter(({ outcomes }) => outcomes.length > 0);
  if (listed.length === 0) return;
  const yearOf = (event: PositionedEvent<MeetingEvent>, memberId: string): string => partyDayYearId(memberId, event.effectiveDate.slice(0, 4));
  await years.load(listed.flatMap(({ event, outcomes }) => outcomes.map(({ memberId }) => yearOf(event, memberId))));
  for (const { event, outcomes } of listed) {
    for (const { memberId, outcome } of outcomes) {
      const changed = withPartyDay(years.get(yearOf(event, memberId)), event, memberId, outcome);
      if (changed !== undefined) years.put(changed);
    }
  }
  await years.flush();
}

export function meetingOf(event: PositionedEvent<MeetingEvent>): MeetingDocument {
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
export function attendanceOf(event: PositionedEvent<MeetingEvent>): AttendanceDocument[] {
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
