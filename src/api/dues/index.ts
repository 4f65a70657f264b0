import type { ApiFeature } from '../shared/apiFeature';
import { duesAccess, duesMutationScope } from './dues.access';
import { DuesMutationResolver } from './duesMutation.resolver';
import { DuesReportResolver } from './duesReport.resolver';
import { MemberDuesResolver } from './memberDues.resolver';

export const duesApi: ApiFeature = {
  resolvers: [DuesMutationResolver, DuesReportResolver, MemberDuesResolver],
  access: duesAccess,
  mutationScope: duesMutationScope,
};
