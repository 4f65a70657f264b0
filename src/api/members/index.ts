import type { ApiFeature } from '../shared/apiFeature';
import { membersAccess, membersMutationScope } from './members.access';
import { MemberResolver } from './member.resolver';
import { MemberMutationResolver } from './memberMutation.resolver';

export const membersApi: ApiFeature = {
  resolvers: [MemberResolver, MemberMutationResolver],
  access: membersAccess,
  mutationScope: membersMutationScope,
};
