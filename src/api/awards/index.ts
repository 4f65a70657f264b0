import type { ApiFeature } from '../shared/apiFeature';
import { awardsAccess, awardsMutationScope, awardsQueryScope } from './awards.access';
import { AwardResolver } from './award.resolver';
import { AwardMutationResolver } from './awardMutation.resolver';
import { MemberAwardsResolver } from './memberAwards.resolver';
import { UnitAwardsResolver } from './unitAwards.resolver';

export const awardsApi: ApiFeature = {
  resolvers: [AwardResolver, AwardMutationResolver, MemberAwardsResolver, UnitAwardsResolver],
  access: awardsAccess,
  mutationScope: awardsMutationScope,
  queryScope: awardsQueryScope,
};
