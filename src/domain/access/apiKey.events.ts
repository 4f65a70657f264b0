import { eventTypesOf } from '../aggregate';
import type { Role } from './role';

/**
 * Events of an API key, stream `apiKey-<name>`: the key issued under a name, and its revocation.
 * After a revocation (or expiry) the name may be issued again, to a new key id.
 */
export type ApiKeyIssued = {
  type: 'ApiKeyIssued';
  data: {
    keyId: string;
    name: string;
    role: Role;
    /** The root of the subtree it may reach; null for ADMIN (the whole organization). */
    unitId: string | null;
    /** ISO-8601 instant after which it no longer works; null for never. */
    expiresAt: string | null;
    /** `scrypt$N$r$p$salt$hash` of the secret; the secret itself is never recorded. */
    secretHash: string;
  };
};
export type ApiKeyRevoked = { type: 'ApiKeyRevoked'; data: { keyId: string; name: string } };

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;

export const apiKeyStream = (name: string): string => `apiKey-${name}`;

export const apiKeyEventTypes = eventTypesOf<ApiKeyEvent>({ ApiKeyIssued: true, ApiKeyRevoked: true });
