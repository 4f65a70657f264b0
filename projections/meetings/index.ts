import { meetingSubjectRules } from './meetingSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { attendanceFlagStatesProjection } from './attendanceFlagStates.projection';
import { meetingsProjection } from './meetings.projection';

/** The meetings feature's read models: meetings, attendance and attendance flags. */
export const meetingsReadModels = {
  projections: [meetingsProjection, attendanceFlagStatesProjection],
  subjectRules: meetingSubjectRules,
} satisfies ReadModelFeature;

export { attendanceFlagStatesProjection, meetingsProjection };
export { ATTENDANCE, MEETINGS, PARTY_DAY_YEARS, type AttendanceDocument, type MeetingDocument, type PartyDayYearDocument } from './meetings.documents';
export { ATTENDANCE_FLAG_STATES, type AttendanceFlagStateDocument } from './attendanceFlagStates.documents';
export { partyDayYearId, partyDaysIn, yearsOf } from './partyDayYears';
