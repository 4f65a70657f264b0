import type { ApiFeature } from '../shared/apiFeature';
import { obligationsAccess } from './obligations.access';
import { ObligationsResolver } from './obligations.resolver';

export const obligationsApi: ApiFeature = {
  resolvers: [ObligationsResolver],
  access: obligationsAccess,
};
