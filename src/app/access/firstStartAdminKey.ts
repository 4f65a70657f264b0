import fs from 'node:fs';
import path from 'node:path';
import type { ApiKeyCommands } from './apiKeyCommands';

export const ADMIN_KEY_FILE = 'admin-key';

export type FirstStartKey = { created: true; file: string; key: string } | { created: false; file: string } | null;

/**
 * The embedded default stays one command: on a first start (no key ever issued) an ADMIN key
 * named `admin` is issued and written to `<dataDir>/admin-key` (readable by its owner only).
 * Later starts point to the file if it is there. Where authentication is required, nothing is
 * created: the operator issues keys with `orgtrack tokens create` or configures a JWT issuer.
 */
export async function firstStartAdminKey(dataDir: string, anyKeyIssued: boolean, apiKeys: Pick<ApiKeyCommands, 'issue'>): Promise<FirstStartKey> {
  const file = path.join(dataDir, ADMIN_KEY_FILE);
  if (fs.existsSync(file)) return { created: false, file };
  if (anyKeyIssued) return null;
  const issued = await apiKeys.issue({ name: 'admin', role: 'ADMIN', unitId: null, expires: null }, { actor: 'system:first-start' });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${issued.key}\n`, { mode: 0o600 });
  return { created: true, file, key: issued.key };
}
