import type { ApiKeyDocument } from '../../../projections/access';
import { ConfigError, type Config } from '../config';
import { isLiveKey } from './apiKeyList';

/**
 * Where authentication is required (production, ORGTRACK_REQUIRE_AUTH), a start needs a way for
 * anyone to authenticate: a JWT issuer, or a live API key in the log. Refused with one line.
 */
export function requireAuthenticationSource(config: Pick<Config, 'requireAuth' | 'jwt'>, keys: readonly ApiKeyDocument[], now: number): void {
  if (!config.requireAuth || config.jwt !== null || keys.some((key) => isLiveKey(key, now))) return;
  throw new ConfigError(
    'authentication is required (NODE_ENV=production or ORGTRACK_REQUIRE_AUTH) but no source is configured: issue a key with `orgtrack tokens create --role ADMIN --name <name>`, or set ORGTRACK_JWT_ISSUER, ORGTRACK_JWT_AUDIENCE and ORGTRACK_JWT_JWKS_URL or ORGTRACK_JWT_SECRET',
  );
}
