import { GraphQLError, getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../../app/queries/page';
import { FIELD_COSTS, KNOWN_AT_MOMENT, type FieldArgs, type FieldCost } from './fieldCosts';

/** What a plain list (children, ancestors, history) is assumed to hold when estimating. */
const ASSUMED_LIST_LENGTH = 10;
/** Selections the estimate visits at most (fragments spread into each other multiply them). */
export const MAX_QUERY_NODES = 10_000;
/** graphql-query-complexity's words when it stops at maxQueryNodes. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

export type OperationCost =
  | { kind: 'estimated'; cost: number; moments: number }
  /** More selections than MAX_QUERY_NODES, counting each fragment spread again. */
  | { kind: 'too many nodes' }
  /** The variables do not fit the operation: execution refuses it (BAD_USER_INPUT naming the variable) before any resolver. */
  | { kind: 'invalid variables' };

export interface CostedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/**
 * The estimated cost of the operation that would run: each field's own cost (fieldCosts.ts) plus
 * its selection times how often it runs (a connection's `first`, default 50; a list, 10), and
 * KNOWN_AT_MOMENT for each distinct `knownAt` it asks about. @skip/@include are honoured.
 */
export function operationCost({ schema, document, operationName, variables }: CostedOperation): OperationCost {
  const moments = new Set<string>();
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    const moment = momentOf(args.knownAt);
    if (moment !== undefined) moments.add(moment);
    const hint = costHint(type.name, field.name);
    const typeName = getNamedType(field.type).name;
    // The edges are the page the connection already counted.
    if (typeName.endsWith('Edge')) return 1 + childComplexity;
    const own = hint?.own?.(args) ?? 0;
    const items = hint?.items?.(args) ?? defaultItems(typeName, isListType(getNullableType(field.type)), args);
    return 1 + own + items * childComplexity;
  };
  try {
    const cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: { ...variables },
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [estimator],
    });
    return { kind: 'estimated', cost: cost + moments.size * KNOWN_AT_MOMENT, moments: moments.size };
  } catch (error) {
    if (error instanceof GraphQLError) return error.message === TOO_MANY_NODES ? { kind: 'too many nodes' } : { kind: 'invalid variables' };
    throw error;
  }
}

function costHint(typeName: string, fieldName: string): FieldCost | undefined {
  return FIELD_COSTS[`${typeName}.${fieldName}`] ?? FIELD_COSTS[`${typeName}.*`];
}

function defaultItems(typeName: string, list: boolean, args: FieldArgs): number {
  if (typeName.endsWith('Connection')) return Math.max(typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE, 1);
  return list ? ASSUMED_LIST_LENGTH : 1;
}

/** The recorded moment a `knownAt` argument names, as the request context keys its views. */
function momentOf(knownAt: unknown): string | undefined {
  if (knownAt instanceof Date) return Number.isNaN(knownAt.getTime()) ? undefined : knownAt.toISOString();
  return typeof knownAt === 'string' ? knownAt : undefined;
}
