import type { Role } from '../../domain/access/role';

/** Who a request acts for, once its token was verified. */
export interface Principal {
  /** Recorded as the actor of what it writes: the API key's name, or `jwt:<issuer>`. */
  name: string;
  /** Whom the token stands for: the API key's id, or the JWT's `sub`. */
  subject: string;
  role: Role;
  /** The root of the subtree it reaches; null for the whole organization (ADMIN). */
  unitId: string | null;
  /** Epoch milliseconds after which the token no longer works; null for never. */
  expiresAt: number | null;
  source: 'apiKey' | 'jwt';
  /** The API key's id, to look its revocation up again; null for a JWT. */
  keyId: string | null;
}
