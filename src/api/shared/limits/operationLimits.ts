import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { ValidationOptions } from 'graphql/validation/validate';
import type { RequestLimits } from '../../../app/config';
import { MAX_MOMENTS_PER_REQUEST } from '../context';
import { documentRules } from './documentRules';
import { LimitRefusal, limitRefusalIn } from './limitRefusal';
import { MAX_QUERY_NODES, operationCost } from './queryCost';

/** One operation as a client sends it, on either transport. */
export interface OperationRequest {
  query?: string | null;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
}

/**
 * The one pipeline every operation goes through before it runs, on HTTP (Apollo applies the parse
 * options and rules, and `refusalOf` in a plugin) and on graphql-ws (`prepare`): parse with a
 * token limit, graphql-js's rules plus documentRules, then the cost and `knownAt` moments.
 */
export class OperationLimits {
  readonly parseOptions: ParseOptions;
  /** The rules beyond graphql-js's specified ones (Apollo adds those itself). */
  readonly validationRules: readonly ValidationRule[];
  /** Without introspection, "Did you mean …?" would still spell the schema out field by field. */
  readonly validationOptions: ValidationOptions;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: RequestLimits,
  ) {
    this.parseOptions = { maxTokens: limits.maxTokens };
    this.validationRules = documentRules(limits);
    this.validationOptions = { hideSuggestions: !limits.introspection };
  }

  /** Why a valid operation may not run: too many `knownAt` moments, too many selections, or too costly; else undefined. */
  refusalOf(document: DocumentNode, request: OperationRequest): LimitRefusal | undefined {
    const estimate = operationCost({ schema: this.schema, document, operationName: request.operationName, variables: request.variables });
    if (estimate.kind === 'invalid variables') return undefined;
    if (estimate.kind === 'too many nodes') {
      return new LimitRefusal(
        'QUERY.TOO_MANY_NODES',
        `The query has too many selections once its fragments are spread: more than ${MAX_QUERY_NODES}. Send a simpler query.`,
        { maximum: MAX_QUERY_NODES },
      );
    }
    if (estimate.moments > MAX_MOMENTS_PER_REQUEST) {
      return new LimitRefusal(
        'KNOWN_AT.TOO_MANY',
        `knownAt: one request may ask about at most ${MAX_MOMENTS_PER_REQUEST} different recorded moments (each may replay the log), this one asks about ${estimate.moments}; send the others separately`,
        { field: 'knownAt', maximum: MAX_MOMENTS_PER_REQUEST, found: estimate.moments },
      );
    }
    if (estimate.cost > this.limits.maxCost) {
      return new LimitRefusal(
        'QUERY.TOO_COSTLY',
        `The query is too expensive: estimated cost ${estimate.cost}, at most ${this.limits.maxCost}. Ask for smaller pages (first), shorter month ranges, fewer subtrees or knownAt moments, or fewer nested lists.`,
        { cost: estimate.cost, maximum: this.limits.maxCost },
      );
    }
    return undefined;
  }

  /**
   * What graphql-ws executes, or the errors that refuse the operation, coded as Apollo codes them
   * on HTTP (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, ...) for the same formatError.
   */
  prepare(request: OperationRequest): ExecutionArgs | GraphQLError[] {
    if (typeof request.query !== 'string' || request.query === '') {
      return [new GraphQLError('GraphQL operations must contain a non-empty `query`.', { extensions: { code: 'BAD_REQUEST' } })];
    }
    let document: DocumentNode;
    try {
      document = parse(request.query, this.parseOptions);
    } catch (error) {
      return [limitRefusalIn(error) ?? parseFailure(error)];
    }
    const invalid = validate(this.schema, document, [...specifiedRules, ...this.validationRules], this.validationOptions);
    if (invalid.length > 0) return invalid.map(validationFailure);
    const operation = getOperationAST(document, request.operationName);
    if (!operation) {
      const message = request.operationName
        ? `Unknown operation named "${request.operationName}".`
        : 'Must provide operation name if query contains multiple operations.';
      return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
    }
    const refusal = this.refusalOf(document, request);
    if (refusal) return [refusal];
    return { schema: this.schema, document, operationName: request.operationName, variableValues: request.variables };
  }
}

function parseFailure(error: unknown): GraphQLError {
  if (!(error instanceof GraphQLError)) throw error;
  return new GraphQLError(error.message, {
    source: error.source,
    positions: error.positions,
    extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    originalError: error,
  });
}

/** As Apollo's ValidationError: the rule's error inside, so formatError sees the same on both transports. */
function validationFailure(error: GraphQLError): GraphQLError {
  if (error instanceof LimitRefusal) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    originalError: error.originalError ?? error,
  });
}
