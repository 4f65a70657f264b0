import { defaultFieldResolver, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { ApiContext } from '../context';
import type { RuleBook } from './accessRules';
import { MISSING_TOKEN_MESSAGE, unauthenticated } from './accessRefusals';
import { authorizeRootField } from './authorizeSelection';
import { requireMutationScope, type MutationInputOf, type MutationScopeRules } from './mutationScope';
import { scopedAnswer, scopedRootArgs, type QueryScopeRules } from './queryScope';

/**
 * Puts the access check in front of every root field (query, mutation, subscription), on every
 * transport: before a root field's resolver runs, the caller must be authenticated and the
 * rules must admit the field and everything selected below it; for a caller scoped to a
 * subtree, a query's `unitId` and answer and a mutation's targets must lie within it. Nested
 * resolvers are left as they are, so the check costs one walk of the document per root field.
 */
export function guardSchema(schema: GraphQLSchema, rules: RuleBook, mutationScope: MutationScopeRules, queryScope: QueryScopeRules): GraphQLSchema {
  const check = (field: GraphQLField<unknown, unknown>, context: ApiContext, info: GraphQLResolveInfo): void => {
    // The transports refuse a caller without a token before this; here in case one does not.
    if (context.caller === null) throw unauthenticated('TOKEN.MISSING', MISSING_TOKEN_MESSAGE);
    const request = { schema, rules, caller: context.caller, today: context.today, fragments: info.fragments, variables: info.variableValues };
    for (const node of info.fieldNodes) authorizeRootField(request, info.parentType, field, node);
  };
  for (const field of fieldsOf(schema.getQueryType())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args: Record<string, unknown>, context: ApiContext, info) => {
      check(field, context, info);
      const scopedArgs = await scopedRootArgs(context, field, args, queryScope);
      return scopedAnswer(context, field.name, scopedArgs, await resolve(source, scopedArgs, context, info), queryScope);
    };
  }
  for (const field of fieldsOf(schema.getMutationType())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args: { input?: MutationInputOf }, context: ApiContext, info) => {
      check(field, context, info);
      const root = context.caller?.unitId ?? null;
      if (root !== null) await requireMutationScope(context.app, mutationScope, field.name, args.input ?? {}, root, context.today);
      return resolve(source, args, context, info);
    };
  }
  // A subscription is checked once, when it starts, not again for each event it delivers.
  for (const field of fieldsOf(schema.getSubscriptionType())) {
    const subscribe = field.subscribe ?? defaultFieldResolver;
    field.subscribe = (source, args, context: ApiContext, info) => {
      check(field, context, info);
      return subscribe(source, args, context, info);
    };
  }
  return schema;
}

function fieldsOf(type: GraphQLObjectType | null | undefined): ReturnType<GraphQLObjectType['getFields']>[string][] {
  return type ? Object.values(type.getFields()) : [];
}
