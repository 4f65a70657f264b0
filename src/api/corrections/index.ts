import type { ApiFeature } from '../shared/apiFeature';
import { RetractionMutationResolver } from './retractionMutation.resolver';

export const correctionsApi: ApiFeature = {
  resolvers: [RetractionMutationResolver],
};
