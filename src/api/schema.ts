import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AwardMutationResolver } from './resolvers/awardMutation.resolver';
import { AwardResolver } from './resolvers/award.resolver';
import { EventResolver } from './resolvers/event.resolver';
import { MemberAwardsResolver } from './resolvers/memberAwards.resolver';
import { UnitAwardsResolver } from './resolvers/unitAwards.resolver';
import { MemberMutationResolver } from './resolvers/memberMutation.resolver';
import { MemberResolver } from './resolvers/member.resolver';
import { MemberPairingsResolver } from './resolvers/memberPairings.resolver';
import { PairingMutationResolver } from './resolvers/pairingMutation.resolver';
import { PairingResolver } from './resolvers/pairing.resolver';
import { PairingCounterpartResolver, PairingPartyResolver } from './resolvers/pairingSides.resolver';
import { UnitPairingsResolver } from './resolvers/unitPairings.resolver';
import { UnitMutationResolver } from './resolvers/unitMutation.resolver';
import { UnitResolver } from './resolvers/unit.resolver';

/**
 * type-graphql refuses a schema with subscriptions unless a PubSub is given, even when every
 * subscription brings its own `subscribe` (ours stream from the SubscriptionHub). This one is
 * never used.
 */
const unusedPubSub: PubSub = {
  publish: () => {
    throw new Error('orgtrack subscriptions do not use type-graphql PubSub');
  },
  subscribe: () => {
    throw new Error('orgtrack subscriptions do not use type-graphql PubSub');
  },
};

export function buildOrgtrackSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [UnitResolver, MemberResolver, EventResolver, UnitMutationResolver, MemberMutationResolver, AwardResolver, AwardMutationResolver, MemberAwardsResolver, UnitAwardsResolver,
      PairingResolver, PairingMutationResolver, PairingPartyResolver, PairingCounterpartResolver, MemberPairingsResolver, UnitPairingsResolver],
    pubSub: unusedPubSub,
    validate: false,
  });
}
