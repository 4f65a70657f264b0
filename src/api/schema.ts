import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AwardMutationResolver } from './awards/awardMutation.resolver';
import { AwardResolver } from './awards/award.resolver';
import { EventResolver } from './eventLog/event.resolver';
import { DuesMutationResolver } from './dues/duesMutation.resolver';
import { DuesReportResolver } from './dues/duesReport.resolver';
import { MemberDuesResolver } from './dues/memberDues.resolver';
import { AssessmentMutationResolver } from './assessments/assessmentMutation.resolver';
import { GroupScoreResolver } from './assessments/groupScore.resolver';
import { MemberAppraisalsResolver } from './assessments/memberAppraisals.resolver';
import { UnitGroupScoresResolver } from './assessments/unitGroupScores.resolver';
import { LeadershipMutationResolver } from './leadership/leadershipMutation.resolver';
import { MemberOfficesResolver } from './leadership/memberOffices.resolver';
import { OfficerTermResolver } from './leadership/officerTerm.resolver';
import { UnitOfficersResolver } from './leadership/unitOfficers.resolver';
import { AttendanceFlagResolver } from './meetings/attendanceFlag.resolver';
import { MeetingResolver } from './meetings/meeting.resolver';
import { BranchMeetingComplianceResolver, MeetingComplianceResolver, MeetingRequirementResolver } from './meetings/meetingCompliance.resolver';
import { MeetingMutationResolver } from './meetings/meetingMutation.resolver';
import { ObligationsResolver } from './obligations/obligations.resolver';
import { RetractionMutationResolver } from './corrections/retractionMutation.resolver';
import { MemberAwardsResolver } from './awards/memberAwards.resolver';
import { UnitAwardsResolver } from './awards/unitAwards.resolver';
import { MemberMutationResolver } from './members/memberMutation.resolver';
import { MemberResolver } from './members/member.resolver';
import { MemberPairingsResolver } from './pairings/memberPairings.resolver';
import { PairingMutationResolver } from './pairings/pairingMutation.resolver';
import { PairingResolver } from './pairings/pairing.resolver';
import { PairingCounterpartResolver, PairingPartyResolver } from './pairings/pairingSides.resolver';
import { UnitPairingsResolver } from './pairings/unitPairings.resolver';
import { UnitMutationResolver } from './units/unitMutation.resolver';
import { UnitResolver } from './units/unit.resolver';

/**
 * type-graphql refuses a schema with subscriptions unless a PubSub is given, even when every
 * subscription brings its own `subscribe` (ours stream from the SubscriptionHub). This one is
 * never used.
 */
const unusedPubSub: PubSub = {
  publish: () => {
    throw new Error('orgtrack subscriptions do not use type-graphql PubSub');
  },
  subscribe: () => {
    throw new Error('orgtrack subscriptions do not use type-graphql PubSub');
  },
};

export function buildOrgtrackSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      UnitResolver,
      MemberResolver,
      EventResolver,
      GroupScoreResolver,
      AssessmentMutationResolver,
      UnitGroupScoresResolver,
      MemberAppraisalsResolver,
      LeadershipMutationResolver,
      OfficerTermResolver,
      UnitOfficersResolver,
      MemberOfficesResolver,
      UnitMutationResolver,
      MemberMutationResolver,
      AwardResolver,
      AwardMutationResolver,
      MemberAwardsResolver,
      UnitAwardsResolver,
      PairingResolver,
      PairingMutationResolver,
      PairingPartyResolver,
      PairingCounterpartResolver,
      MemberPairingsResolver,
      UnitPairingsResolver,
      DuesMutationResolver,
      DuesReportResolver,
      MemberDuesResolver,
      ObligationsResolver,
      RetractionMutationResolver,
      MeetingResolver,
      MeetingMutationResolver,
      AttendanceFlagResolver,
      MeetingComplianceResolver,
      BranchMeetingComplianceResolver,
      MeetingRequirementResolver,
    ],
    pubSub: unusedPubSub,
    validate: false,
  });
}
