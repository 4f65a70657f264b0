import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AwardMutationResolver } from './resolvers/awardMutation.resolver';
import { AwardResolver } from './resolvers/award.resolver';
import { EventResolver } from './resolvers/event.resolver';
import { DuesMutationResolver } from './resolvers/duesMutation.resolver';
import { DuesReportResolver } from './resolvers/duesReport.resolver';
import { MemberDuesResolver } from './resolvers/memberDues.resolver';
import { AssessmentMutationResolver } from './resolvers/assessmentMutation.resolver';
import { GroupScoreResolver } from './resolvers/groupScore.resolver';
import { MemberAppraisalsResolver } from './resolvers/memberAppraisals.resolver';
import { UnitGroupScoresResolver } from './resolvers/unitGroupScores.resolver';
import { LeadershipMutationResolver } from './resolvers/leadershipMutation.resolver';
import { MemberOfficesResolver } from './resolvers/memberOffices.resolver';
import { OfficerTermResolver } from './resolvers/officerTerm.resolver';
import { UnitOfficersResolver } from './resolvers/unitOfficers.resolver';
import { AttendanceFlagResolver } from './resolvers/attendanceFlag.resolver';
import { MeetingResolver } from './resolvers/meeting.resolver';
import { BranchMeetingComplianceResolver, MeetingComplianceResolver, MeetingRequirementResolver } from './resolvers/meetingCompliance.resolver';
import { MeetingMutationResolver } from './resolvers/meetingMutation.resolver';
import { ObligationsResolver } from './resolvers/obligations.resolver';
import { RetractionMutationResolver } from './resolvers/retractionMutation.resolver';
import { MemberAwardsResolver } from './resolvers/memberAwards.resolver';
import { UnitAwardsResolver } from './resolvers/unitAwards.resolver';
import { MemberMutationResolver } from './resolvers/memberMutation.resolver';
import { MemberResolver } from './resolvers/member.resolver';
import { MemberPairingsResolver } from './resolvers/memberPairings.resolver';
import { PairingMutationResolver } from './resolvers/pairingMutation.resolver';
import { PairingResolver } from './resolvers/pairing.resolver';
import { PairingCounterpartResolver, PairingPartyResolver } from './resolvers/pairingSides.resolver';
import { UnitPairingsResolver } from './resolvers/unitPairings.resolver';
import { UnitMutationResolver } from './resolvers/unitMutation.resolver';
import { UnitResolver } from './resolvers/unit.resolver';

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
