import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';

/** A meeting is about the unit that held it and every member listed, present or not. */
export function meetingSubjects(data: MeetingEvent['data']): { memberIds: string[]; unitIds: string[] } {
  return { memberIds: [...new Set([...data.attendees, ...data.excused, ...data.absent])], unitIds: [data.unitId] };
}
