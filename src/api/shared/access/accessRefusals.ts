import { GraphQLError } from 'graphql';

export const MISSING_TOKEN_MESSAGE = 'Send a token: Authorization: Bearer <key> (over WebSocket: connection_init payload { "authorization": "Bearer <key>" })';

/** No token, or one that does not prove who the caller is: 401. */
export function unauthenticated(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
}

/** A verified caller asked for something its role does not allow: nothing was read or written. */
export function forbidden(reason: string, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', reason, ...(field === undefined ? {} : { field }) } });
}
