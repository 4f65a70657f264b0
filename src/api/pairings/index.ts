import type { ApiFeature } from '../shared/apiFeature';
import { pairingsAccess, pairingsMutationScope, pairingsQueryScope } from './pairings.access';
import { PairingResolver } from './pairing.resolver';
import { PairingMutationResolver } from './pairingMutation.resolver';
import { PairingPartyResolver, PairingCounterpartResolver } from './pairingSides.resolver';
import { MemberPairingsResolver } from './memberPairings.resolver';
import { UnitPairingsResolver } from './unitPairings.resolver';

export const pairingsApi: ApiFeature = {
  resolvers: [PairingResolver, PairingMutationResolver, PairingPartyResolver, PairingCounterpartResolver, MemberPairingsResolver, UnitPairingsResolver],
  access: pairingsAccess,
  mutationScope: pairingsMutationScope,
  queryScope: pairingsQueryScope,
};
