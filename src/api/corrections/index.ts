import type { ApiFeature } from '../shared/apiFeature';
import { correctionsAccess, correctionsMutationScope } from './corrections.access';
import { RetractionMutationResolver } from './retractionMutation.resolver';

export const correctionsApi: ApiFeature = {
  resolvers: [RetractionMutationResolver],
  access: correctionsAccess,
  mutationScope: correctionsMutationScope,
};
