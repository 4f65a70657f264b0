import type { ApiFeature } from '../shared/apiFeature';
import { leadershipAccess, leadershipMutationScope } from './leadership.access';
import { LeadershipMutationResolver } from './leadershipMutation.resolver';
import { OfficerTermResolver } from './officerTerm.resolver';
import { UnitOfficersResolver } from './unitOfficers.resolver';
import { MemberOfficesResolver } from './memberOffices.resolver';

export const leadershipApi: ApiFeature = {
  resolvers: [LeadershipMutationResolver, OfficerTermResolver, UnitOfficersResolver, MemberOfficesResolver],
  access: leadershipAccess,
  mutationScope: leadershipMutationScope,
};
