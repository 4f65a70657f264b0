import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Why a document was refused before it ran; `extensions.reason` of the error. */
export type LimitReason =
  | 'QUERY.TOO_COSTLY'
  | 'QUERY.TOO_MANY_NODES'
  | 'QUERY.TOO_MANY_ALIASES'
  | 'QUERY.TOO_DEEP'
  | 'QUERY.TOO_MANY_DIRECTIVES'
  | 'QUERY.TOO_MANY_TOKENS'
  | 'KNOWN_AT.TOO_MANY';

/**
 * A document refused by a request limit: BAD_USER_INPUT with a `reason`, HTTP 400. Apollo wraps
 * validation errors in its own (GRAPHQL_VALIDATION_FAILED), so formatError finds this one inside.
 */
export class LimitRefusal extends GraphQLError {
  constructor(
    readonly reason: LimitReason,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...details, http: { status: 400 } } });
  }

  /** What the client is told: the message and reason (the whole document is at fault: no location), never a stack. */
  formatted(): GraphQLFormattedError {
    return { message: this.message, extensions: { code: 'BAD_USER_INPUT', reason: this.reason, ...this.details } };
  }
}

/** graphql-js's own wording when `parse` stops at `maxTokens` (16.x says "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The limit refusal an error is or carries: a LimitRefusal, possibly wrapped by Apollo, or the
 * syntax error graphql-js raises when a document has more tokens than `maxTokens`.
 */
export function limitRefusalIn(error: unknown): LimitRefusal | undefined {
  const candidates = error instanceof GraphQLError ? [error, error.originalError] : [error];
  const refusal = candidates.find((candidate): candidate is LimitRefusal => candidate instanceof LimitRefusal);
  if (refusal) return refusal;
  const tokens = candidates.map((candidate) => (candidate instanceof GraphQLError ? TOO_MANY_TOKENS.exec(candidate.message) : null)).find(Boolean);
  if (!tokens) return undefined;
  const maximum = Number(tokens[1]);
  return new LimitRefusal('QUERY.TOO_MANY_TOKENS', `The document is too long: more than ${maximum} tokens. Send a shorter query.`, { maximum });
}
