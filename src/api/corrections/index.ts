import type { ApiFeature } from '../shared/apiFeature';
import { correctionsAccess } from './corrections.access';
import { RetractionMutationResolver } from './retractionMutation.resolver';

export const correctionsApi: ApiFeature = {
  resolvers: [RetractionMutationResolver],
  access: correctionsAccess,
};
