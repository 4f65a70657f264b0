import type { ApiFeature } from '../shared/apiFeature';
import { ObligationsResolver } from './obligations.resolver';

export const obligationsApi: ApiFeature = {
  resolvers: [ObligationsResolver],
};
