import type { Role } from '../../src/domain/access/role';

export const API_KEYS = 'apiKeys';

/** Collection `apiKeys`: one document per key issued, found by its id when a request presents it. */
export type ApiKeyDocument = {
  _id: string;
  name: string;
  role: Role;
  unitId: string | null;
  expiresAt: string | null;
  secretHash: string;
  issuedAt: string;
  /** Who issued it (the actor of ApiKeyIssued). */
  issuedBy: string | null;
  /** When the revocation was recorded; null while it stands. */
  revokedAt: string | null;
  position: string;
  version: number;
};
