/** A token was presented but does not prove who the caller is: unknown, malformed, revoked or expired. */
export class Unauthenticated extends Error {
  constructor(
    readonly reason: 'TOKEN.MALFORMED' | 'TOKEN.UNKNOWN' | 'TOKEN.REVOKED' | 'TOKEN.EXPIRED' | 'TOKEN.INVALID_JWT',
    message: string,
  ) {
    super(message);
  }
}
