import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { loadConfig, type Config } from '../src/app/config';

/**
 * How the bench's servers authenticate their clients: a JWT issuer with a shared secret made
 * fresh for each run, and one ADMIN token signed with it. Nothing is written to the event log
 * (an API key would be an event in the seeded dataset, which is shared and cached).
 */
const ISSUER = 'orgtrack-bench';
const AUDIENCE = 'orgtrack';
const SECRET = randomBytes(32).toString('base64url');

/**
 * `loadConfig(env)` with the bench's JWT issuer added, and no rate limit to speak of: the bench's
 * one token sends far more than a client's budget (and opens 20 sockets), and the figures time the work, not the limiter.
 */
export function benchConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    ORGTRACK_RATE_LIMIT: '10000000',
    ORGTRACK_MAX_SOCKETS_PER_TOKEN: '10000',
    ...env,
    ORGTRACK_JWT_ISSUER: ISSUER,
    ORGTRACK_JWT_AUDIENCE: AUDIENCE,
    ORGTRACK_JWT_SECRET: SECRET,
  });
}

/** The same issuer as environment variables, for a server the bench starts as a process of its own. */
export function benchAuthEnv(): Record<string, string> {
  return { ORGTRACK_JWT_ISSUER: ISSUER, ORGTRACK_JWT_AUDIENCE: AUDIENCE, ORGTRACK_JWT_SECRET: SECRET };
}

let token: Promise<string> | undefined;

/** The run's ADMIN JWT (valid two hours), accepted by every server made with `benchConfig`. */
export function benchToken(): Promise<string> {
  token ??= new SignJWT({ orgtrack_role: 'ADMIN' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
  return token;
}

/** What a client sends in `Authorization` (HTTP) or as `authorization` in connection_init (WebSocket). */
export const bearer = (token: string): string => `Bearer ${token}`;

/** The codes of a caller turned away for its token or its role: a figure measured on these would time refusals of access. */
export const ACCESS_REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
