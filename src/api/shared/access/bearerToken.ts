import type { Authenticator } from '../../../app/access/authenticator';
import { Unauthenticated } from '../../../app/access/unauthenticated';
import type { Caller } from '../context';
import { unauthenticated } from './accessRefusals';

/**
 * The caller an `Authorization` value proves: null when none was sent (every root field then
 * refuses with UNAUTHENTICATED); a value that is not `Bearer <token>`, or a token that proves
 * nothing, is refused at once.
 */
export async function callerOf(authenticator: Authenticator, authorization: unknown): Promise<Caller> {
  if (authorization === undefined || authorization === null || authorization === '') return null;
  const token = bearerTokenIn(authorization);
  if (token === null) throw unauthenticated('TOKEN.MALFORMED', 'authorization must be "Bearer <token>"');
  try {
    return await authenticator.authenticate(token);
  } catch (error) {
    if (error instanceof Unauthenticated) throw unauthenticated(error.reason, error.message);
    throw error;
  }
}

/** The token of `Bearer <token>`; null for anything else. */
export function bearerTokenIn(authorization: unknown): string | null {
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match === null ? null : match[1];
}
