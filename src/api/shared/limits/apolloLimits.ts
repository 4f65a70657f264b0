import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { OperationLimits } from './operationLimits';

type LimitOptions = Pick<
  ApolloServerOptions<BaseContext>,
  'parseOptions' | 'validationRules' | 'validationOptions' | 'introspection' | 'csrfPrevention' | 'allowBatchedHttpRequests'
>;

/**
 * The operation limits as Apollo Server options, for HTTP: the token limit, the rules, one
 * operation per request, and CSRF prevention (a browser's simple POST or GET needs a preflight).
 */
export function apolloLimitOptions(limits: OperationLimits): LimitOptions {
  return {
    parseOptions: limits.parseOptions,
    validationRules: [...limits.validationRules],
    validationOptions: limits.validationOptions,
    // The rules above refuse introspection when it is off; Apollo would add a second rule saying the same.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
  };
}

/** Refuses, after validation and before execution, operations whose cost or `knownAt` moments are over the limits. */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const refusal = limits.refusalOf(document, request);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
