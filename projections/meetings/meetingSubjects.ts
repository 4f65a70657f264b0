import type { PositionedEvent } from '../../src/domain/events';
import type { AttendanceFlagEvent } from '../../src/domain/meetings/attendanceFlag.events';
import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';
import type { SubjectRule, SubjectRules } from '../shared/subjectRule';

/** A meeting is about the unit that held it and every member listed, present or not. */
function meetingSubjects(data: MeetingEvent['data']): { memberIds: string[]; unitIds: string[] } {
  return { memberIds: [...new Set([...data.attendees, ...data.excused, ...data.absent])], unitIds: [data.unitId] };
}

/** An attendance flag is about the member and the branch it names. */
const aboutTheFlag: SubjectRule<PositionedEvent<AttendanceFlagEvent>> = {
  subjects: (event) => ({ memberIds: [event.data.memberId], unitIds: [event.data.branchId] }),
};

export const meetingSubjectRules = {
  MeetingRecorded: { subjects: (event) => meetingSubjects(event.data) },
  AttendanceFlagRaised: aboutTheFlag,
  AttendanceFlagCleared: aboutTheFlag,
} satisfies SubjectRules<MeetingEvent['type'] | AttendanceFlagEvent['type']>;
