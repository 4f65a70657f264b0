import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isListType, getNullableType, type GraphQLOutputType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../app/queries/page';

/** The largest estimated cost a request may have; `members(first: 500)` with a few nested units costs about 3,000. */
export const MAX_QUERY_COST = 25_000;
/** What a plain list (children, ancestors, history) is assumed to hold when estimating. */
const ASSUMED_LIST_LENGTH = 10;

/**
 * A connection costs its children times `first` (default 50); a plain list its children times
 * ASSUMED_LIST_LENGTH; anything else (and a connection's edges) 1 plus its children.
 */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const typeName = getNamedType(field.type).name;
  // The edges are the page the connection already counted.
  if (typeName.endsWith('Edge')) return 1 + childComplexity;
  if (typeName.endsWith('Connection')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.max(first, 1) * childComplexity;
  }
  if (isList(field.type)) return 1 + ASSUMED_LIST_LENGTH * childComplexity;
  return undefined;
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/**
 * Estimating coerces the variables; when they are invalid, execution reports that better
 * (BAD_USER_INPUT naming the variable), so the estimate is skipped.
 */
function costOf(estimate: () => number): number {
  try {
    return estimate();
  } catch (error) {
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
}

/** Refuses, before execution, requests whose estimated cost exceeds MAX_QUERY_COST. */
export function queryCostPlugin(maximum = MAX_QUERY_COST): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = costOf(() =>
            getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            }),
          );
          if (cost > maximum) {
            throw new GraphQLError(
              `The query is too expensive: estimated cost ${cost}, at most ${maximum}. Ask for smaller pages (first) or fewer nested lists.`,
              {
                extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY.TOO_COSTLY', cost, maximum, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
