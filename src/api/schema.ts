import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { accessRuleBook, apiResolvers, mutationScopeRules, queryScopeRules } from './features';
import { guardSchema } from './shared/access/guardSchema';

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

/** The schema every transport serves: every root field behind the access rules (`guardSchema`). */
export async function buildOrgtrackSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: apiResolvers(),
    pubSub: unusedPubSub,
    validate: false,
  });
  return guardSchema(schema, accessRuleBook(), mutationScopeRules(), queryScopeRules());
}
