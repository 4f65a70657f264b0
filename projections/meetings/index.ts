import type { Projection } from '../shared/projection';
import { attendanceFlagStatesProjection } from './attendanceFlagStates.projection';
import { meetingsProjection } from './meetings.projection';

/** The meetings feature's read models: meetings, attendance and attendance flags. */
export const meetingsProjections: readonly Projection[] = [meetingsProjection, attendanceFlagStatesProjection];

export { attendanceFlagStatesProjection, meetingsProjection };
export { ATTENDANCE, MEETINGS, PARTY_DAY_YEARS, type AttendanceDocument, type MeetingDocument, type PartyDayYearDocument } from './meetings.documents';
export { ATTENDANCE_FLAG_STATES, type AttendanceFlagStateDocument } from './attendanceFlagStates.documents';
export { partyDayYearId, partyDaysIn, yearsOf } from './partyDayYears';
export { meetingSubjectRules } from './meetingSubjects';
