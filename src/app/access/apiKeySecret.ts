import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The parameters of new hashes; each hash records its own, so they can be raised later. */
const SCRYPT = { N: 16384, r: 8, p: 1 } as const;
const HASH_BYTES = 32;
const KEY_FORMAT = /^otk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** An API key as presented: `otk_<keyId>_<secret>`. The key id finds the record, the secret proves it. */
export interface PresentedKey {
  keyId: string;
  secret: string;
}

export interface NewApiKey extends PresentedKey {
  /** What the holder sends: shown once, never stored. */
  key: string;
  secretHash: string;
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('otk_');
}

export function parseApiKey(token: string): PresentedKey | null {
  const match = KEY_FORMAT.exec(token);
  return match === null ? null : { keyId: match[1], secret: match[2] };
}

export async function newApiKey(): Promise<NewApiKey> {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, key: `otk_${keyId}_${secret}`, secretHash: await hashSecret(secret) };
}

/** `scrypt$N$r$p$salt$hash`: a slow, salted hash, so a copy of the log does not yield working keys. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptOf(secret, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function secretMatches(secret: string, secretHash: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = secretHash.split('$');
  if (scheme !== 'scrypt' || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptOf(secret, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fast digest of a presented token, to remember verdicts without keeping the token. */
export function digestOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function scryptOf(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, HASH_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}
