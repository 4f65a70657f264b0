import type { ApiFeature } from '../shared/apiFeature';
import { unitsAccess, unitsMutationScope } from './units.access';
import { UnitResolver } from './unit.resolver';
import { UnitMutationResolver } from './unitMutation.resolver';

export const unitsApi: ApiFeature = {
  resolvers: [UnitResolver, UnitMutationResolver],
  access: unitsAccess,
  mutationScope: unitsMutationScope,
};
