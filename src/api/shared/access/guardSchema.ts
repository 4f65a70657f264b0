import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ApiContext } from '../context';
import type { RuleBook } from './accessRules';
import { unauthenticated } from './accessRefusals';
import { authorizeRootField } from './authorizeSelection';

/**
 * Puts the access check in front of every root field (query, mutation, subscription), on every
 * transport: before a root field's resolver runs, the caller must be authenticated and the
 * rules must admit the field and everything selected below it. Nested resolvers are left as
 * they are, so the check costs one walk of the document per root field.
 */
export function guardSchema(schema: GraphQLSchema, rules: RuleBook): GraphQLSchema {
  for (const rootType of [schema.getQueryType(), schema.getMutationType()]) {
    if (rootType) guardRootType(schema, rootType, rules, 'resolve');
  }
  // A subscription is checked once, when it starts, not again for each event it delivers.
  const subscriptionType = schema.getSubscriptionType();
  if (subscriptionType) guardRootType(schema, subscriptionType, rules, 'subscribe');
  return schema;
}

function guardRootType(schema: GraphQLSchema, rootType: GraphQLObjectType, rules: RuleBook, at: 'resolve' | 'subscribe'): void {
  for (const field of Object.values(rootType.getFields())) {
    const check: GraphQLFieldResolver<unknown, ApiContext> = (_source, _args, context, info) => {
      if (context.caller === null) {
        throw unauthenticated(
          'TOKEN.MISSING',
          'Send a token: Authorization: Bearer <key> (over WebSocket: connection_init payload { "authorization": "Bearer <key>" })',
        );
      }
      const request = { schema, rules, caller: context.caller, today: context.today, fragments: info.fragments, variables: info.variableValues };
      for (const node of info.fieldNodes) authorizeRootField(request, rootType, field, node);
    };
    if (at === 'resolve') {
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
