import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { apiResolvers } from './features';

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
    resolvers: apiResolvers(),
    pubSub: unusedPubSub,
    validate: false,
  });
}
