import type { ApiFeature } from '../shared/apiFeature';
import { meetingsAccess, meetingsMutationScope, meetingsQueryScope } from './meetings.access';
import { MeetingResolver } from './meeting.resolver';
import { MeetingMutationResolver } from './meetingMutation.resolver';
import { AttendanceFlagResolver } from './attendanceFlag.resolver';
import { MeetingComplianceResolver, BranchMeetingComplianceResolver, MeetingRequirementResolver } from './meetingCompliance.resolver';

export const meetingsApi: ApiFeature = {
  resolvers: [
    MeetingResolver,
    MeetingMutationResolver,
    AttendanceFlagResolver,
    MeetingComplianceResolver,
    BranchMeetingComplianceResolver,
    MeetingRequirementResolver,
  ],
  access: meetingsAccess,
  mutationScope: meetingsMutationScope,
  queryScope: meetingsQueryScope,
};
