import type { AccessRules } from '../shared/access/accessRules';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the meetings feature adds to the schema (deny by default: a field left out is refused). */
export const meetingsAccess = {
  AttendanceFlag: {
    absences: READERS,
    absentOn: READERS,
    lastAbsentOn: READERS,
    longestRun: READERS,
    member: READERS,
    memberId: READERS,
    partyDays: READERS,
    reason: READERS,
  },
  BranchMeetingCompliance: {
    branch: READERS,
    branchId: READERS,
    missingCount: READERS,
    requirements: READERS,
  },
  Meeting: {
    absentIds: READERS,
    attendeeIds: READERS,
    excusedIds: READERS,
    heldOn: READERS,
    id: READERS,
    kind: READERS,
    topic: READERS,
    unit: READERS,
    unitId: READERS,
  },
  MeetingCompliance: {
    asOf: READERS,
    branches: READERS,
    from: READERS,
    to: READERS,
  },
  MeetingPayload: {
    eventIds: ANY_ROLE,
    meeting: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  MeetingRequirement: {
    frequency: READERS,
    held: READERS,
    kind: READERS,
    missing: READERS,
    periods: READERS,
    unit: READERS,
    unitId: READERS,
  },
  Mutation: {
    recordMeeting: WRITERS,
  },
  Query: {
    attendanceFlags: READERS,
    meeting: READERS,
    meetingCompliance: READERS,
  },
} satisfies AccessRules;
