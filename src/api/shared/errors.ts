import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type DomainErrorKind } from '../../domain/shared/errors';
import { ProjectionLagError } from '../../app/projector/positionWaiters';
import { SlowSubscriberError, TooManyReplaysError } from '../../app/subscriptions/subscriptionErrors';
import { literalFieldPath } from './literalFieldPath';
import { limitRefusalIn } from './limits/limitRefusal';

const CODES: Record<DomainErrorKind, string> = {
  INVALID_INPUT: 'BAD_USER_INPUT',
  RULE_VIOLATION: 'RULE_VIOLATION',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

/** Codes whose messages are written for clients; anything else is hidden. */
const CLIENT_CODES = new Set([
  ...Object.values(CODES),
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'TIMEOUT',
]);

/** What a client is told when the read models have not reached a position it asked for in time. */
function lagMessage(position: string): string {
  return `The read models are still catching up with ${position}; retry shortly`;
}

/**
 * An error raised while a request's context is made (waiting for the x-min-position header).
 * Apollo answers it before execution, keeping a code only from a GraphQLError and taking the
 * HTTP status from `extensions.http`, so it is mapped here, before formatError sees it. A
 * domain error keeps the code of its kind, its reason and its field, as formatError gives them.
 */
export function contextError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: CODES[error.kind], reason: error.code, field: error.field, http: { status: 400 } },
    });
  }
  if (error instanceof ProjectionLagError) {
    return new GraphQLError(lagMessage('x-min-position'), { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
  }
  return error;
}

export function badUserInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/**
 * The one place domain errors become GraphQL errors: `extensions.code` from the error's kind,
 * plus the domain's own `reason` code and the `field`. Unexpected errors become
 * INTERNAL_SERVER_ERROR with no detail (and are logged by the caller).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const refusal = limitRefusalIn(error);
  if (refusal) return refusal.formatted();
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: CODES[original.kind], reason: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  if (original instanceof ProjectionLagError) {
    return { message: lagMessage('that position'), path: formatted.path, extensions: { code: 'TIMEOUT' } };
  }
  const limit = subscriptionLimitError(original);
  if (limit instanceof SlowSubscriberError) {
    return { message: limit.message, path: formatted.path, extensions: { code: 'SLOW_SUBSCRIBER', resumeAfter: limit.resumeAfter ?? null } };
  }
  if (limit instanceof TooManyReplaysError) {
    return { message: limit.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'TOO_MANY_REPLAYS' } };
  }
  const rejectedLiteral = badLiteral(error);
  if (rejectedLiteral) return { message: rejectedLiteral.message, locations: formatted.locations, extensions: rejectedLiteral.extensions };
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code && CLIENT_CODES.has(code)) {
    const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * A scalar (Date) refused a value: answer BAD_USER_INPUT naming the field. For variables,
 * graphql-js already names the path in its message; for inline literals, find it in the document.
 */
function badLiteral(error: unknown): { message: string; extensions: Record<string, unknown> } | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const scalarError = [error.originalError, error.originalError instanceof GraphQLError ? error.originalError.originalError : undefined].find(
    (cause): cause is GraphQLError => cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT',
  );
  if (!scalarError) return undefined;
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?;/.exec(error.message);
  if (variable) return { message: error.message, extensions: { code: 'BAD_USER_INPUT', field: variable[2] ?? variable[1] } };
  const field = literalFieldPath(error.nodes?.[0] ?? scalarError.nodes?.[0]);
  const message = field ? `${field}: ${scalarError.message}` : scalarError.message;
  return { message, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
}

/**
 * A subscription refused (too many replays) or cut off (slow subscriber). graphql-ws wraps an
 * error that ends a stream in a GraphQLError without a path, which `unwrapResolverError` keeps.
 */
function subscriptionLimitError(original: unknown): SlowSubscriberError | TooManyReplaysError | undefined {
  const cause = original instanceof GraphQLError ? original.originalError : original;
  return cause instanceof SlowSubscriberError || cause instanceof TooManyReplaysError ? cause : undefined;
}

export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || original instanceof ProjectionLagError || subscriptionLimitError(original)) return false;
  return !(original instanceof GraphQLError && typeof original.extensions.code === 'string' && CLIENT_CODES.has(original.extensions.code));
}
