import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import type { QueryScopeRules } from '../shared/access/queryScope';
import type { Meeting } from './meeting.type';
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

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const meetingsMutationScope: MutationScopeRules = {
  recordMeeting: (input) => [{ kind: 'unit', id: id(input, 'unitId'), field: 'unitId' }],
};

/** A root meeting is the caller's when its unit is. */
export const meetingsQueryScope: QueryScopeRules = {
  subjects: { meeting: (meeting: Meeting) => [{ kind: 'unit', id: meeting.unitId, field: 'id' }] },
};
