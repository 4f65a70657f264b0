import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ApiContext } from '../context';
import type { RuleBook } from './accessRules';
import { MISSING_TOKEN_MESSAGE, unauthenticated } from './accessRefusals';
import { authorizeRootField } from './authorizeSelection';
import { requireMutationScope, type MutationInputOf, type MutationScopeRules } from './mutationScope';
import { scopedAnswer, scopedRootArgs, type QueryScopeRules } from './queryScope';

/**
 * Puts the access check in front of every root field (query, mutation, subscription), on every
 * transport: before a root field's resolver runs, the caller must be authenticated and the
 * rules must admit the field and everything selected below it. Nested resolvers are left as
 * they are, so the check costs one walk of the document per root field.
 */
export function guardSchema(schema: GraphQLSchema, rules: RuleBook, mutationScope: MutationScopeRules, queryScope: QueryScopeRules): GraphQLSchema {
  const queryType = schema.getQueryType();
  if (queryType) guardRootType(schema, queryType, rules, 'resolve', undefined, queryScope);
  const mutationType = schema.getMutationType();
  if (mutationType) guardRootType(schema, mutationType, rules, 'resolve', mutationScope);
  // A subscription is checked once, when it starts, not again for each event it delivers.
  const subscriptionType = schema.getSubscriptionType();
  if (subscriptionType) guardRootType(schema, subscriptionType, rules, 'subscribe');
  return schema;
}

function guardRootType(
  schema: GraphQLSchema,
  rootType: GraphQLObjectType,
  rules: RuleBook,
  at: 'resolve' | 'subscribe',
  mutationScope?: MutationScopeRules,
  queryScope?: QueryScopeRules,
): void {
  for (const field of Object.values(rootType.getFields())) {
    const check: GraphQLFieldResolver<unknown, ApiContext> = (_source, _args, context, info) => {
      if (context.caller === null) {
        // The transports refuse a caller without a token before this; here in case one does not.
        throw unauthenticated('TOKEN.MISSING', MISSING_TOKEN_MESSAGE);
      }
      const request = { schema, rules, caller: context.caller, today: context.today, fragments: info.fragments, variables: info.variableValues };
      for (const node of info.fieldNodes) authorizeRootField(request, rootType, field, node);
    };
    if (mutationScope !== undefined) {
      const resolve = field.resolve ?? defaultFieldResolver;
      // A scoped caller's mutation must reach all it acts on; checked before anything is decided.
      field.resolve = async (source, args: { input?: MutationInputOf }, context: ApiContext, info) => {
        check(source, args, context, info);
        const root = context.caller?.unitId ?? null;
        if (root !== null) await requireMutationScope(context.app, mutationScope, field.name, args.input ?? {}, root, context.today);
        return resolve(source, args, context, info);
      };
    } else if (queryScope !== undefined) {
      const resolve = field.resolve ?? defaultFieldResolver;
      // A scoped caller's root query: its unitId must be within the subtree, its answer about it.
      field.resolve = async (source, args: Record<string, unknown>, context: ApiContext, info) => {
        check(source, args, context, info);
        const scopedArgs = await scopedRootArgs(context, field, args, queryScope);
        return scopedAnswer(context, field.name, scopedArgs, await resolve(source, scopedArgs, context, info), queryScope);
      };
    } else if (at === 'resolve') {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: ApiContext, info) => {
        check(source, args, context, info);
        return resolve(source, args, context, info);
      };
    } else {
      const subscribe = field.subscribe ?? defaultFieldResolver;
      field.subscribe = (source, args, context: ApiContext, info) => {
        check(source, args, context, info);
        return subscribe(source, args, context, info);
      };
    }
  }
}
