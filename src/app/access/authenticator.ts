import type { ApiKeyDocument } from '../../../projections/access';
import type { Clock } from '../clock';
import { digestOf, looksLikeApiKey, parseApiKey, secretMatches } from './apiKeySecret';
import type { JwtVerifier } from './jwtVerifier';
import type { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

/** How long a key's record is trusted before it is read again: a revocation takes effect within this. */
const RECHECK_MS = 1000;
/** Verdicts remembered, so a key's slow hash is computed once per process, not once per request. */
const MAX_REMEMBERED = 10_000;
/** Slow hashes at once: each takes a libuv thread and 16 MiB; more would stall file and DNS work. */
const CONCURRENT_HASHES = 2;

interface KeyLookup {
  byId(keyId: string): Promise<ApiKeyDocument | null>;
}

interface Checked {
  document: ApiKeyDocument;
  checkedAt: number;
}

/** Turns a bearer token into the principal it stands for, or refuses it (`Unauthenticated`). */
export class Authenticator {
  /** Digest of a presented key → its record, once its secret matched. */
  private readonly verified = new Map<string, Checked>();
  /** Digests of keys whose secret did not match (a guess costs one slow hash, not one per retry). */
  private readonly refused = new Set<string>();
  private hashing = 0;
  private readonly waitingToHash: (() => void)[] = [];

  constructor(
    private readonly keys: KeyLookup,
    private readonly jwt: JwtVerifier | null,
    private readonly clock: Clock,
  ) {}

  async authenticate(token: string): Promise<Principal> {
    const trimmed = token.trim();
    if (looksLikeApiKey(trimmed)) return this.apiKey(trimmed);
    if (this.jwt !== null) return this.jwt.verify(trimmed);
    throw new Unauthenticated('TOKEN.MALFORMED', 'the bearer token is not an orgtrack API key (otk_…), and no JWT issuer is configured');
  }

  /** Whether this token was verified before (it costs no slow hash, and is not a guess). */
  remembers(token: string): boolean {
    return this.verified.has(digestOf(token.trim()));
  }

  /** Whether a principal authenticated earlier may go on (for open WebSocket connections). */
  async stillValid(principal: Principal): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (principal.expiresAt !== null && principal.expiresAt <= now) return false;
    if (principal.keyId === null) return true;
    const document = await this.keys.byId(principal.keyId);
    return document !== null && document.revokedAt === null;
  }

  private async apiKey(token: string): Promise<Principal> {
    const presented = parseApiKey(token);
    if (presented === null) throw new Unauthenticated('TOKEN.MALFORMED', 'the API key is malformed: expected otk_<16 hex>_<43 characters>');
    const digest = digestOf(token);
    if (this.refused.has(digest)) throw unknownKey();
    const now = this.clock.now().getTime();
    // Staleness is measured on the machine's clock: the domain clock may be fixed (tests) or skewed.
    const checkedNow = Date.now();
    let checked = this.verified.get(digest);
    if (checked === undefined || checkedNow - checked.checkedAt > RECHECK_MS) {
      const document = await this.keys.byId(presented.keyId);
      if (document === null) throw unknownKey();
      if (checked === undefined) {
        if (!(await this.oneHashAtATime(() => secretMatches(presented.secret, document.secretHash)))) {
          this.rememberRefused(digest);
          throw unknownKey();
        }
      }
      checked = { document, checkedAt: checkedNow };
      this.rememberVerified(digest, checked);
    }
    const { document } = checked;
    if (document.revokedAt !== null) throw new Unauthenticated('TOKEN.REVOKED', `the API key "${document.name}" was revoked`);
    const expiresAt = document.expiresAt === null ? null : Date.parse(document.expiresAt);
    if (expiresAt !== null && expiresAt <= now) throw new Unauthenticated('TOKEN.EXPIRED', `the API key "${document.name}" expired at ${document.expiresAt}`);
    return { name: document.name, subject: document._id, role: document.role, unitId: document.unitId, expiresAt, source: 'apiKey', keyId: document._id };
  }

  private async oneHashAtATime<T>(hash: () => Promise<T>): Promise<T> {
    if (this.hashing >= CONCURRENT_HASHES) await new Promise<void>((resolve) => this.waitingToHash.push(resolve));
    this.hashing++;
    try {
      return await hash();
    } finally {
      this.hashing--;
      this.waitingToHash.shift()?.();
    }
  }

  private rememberVerified(digest: string, checked: Checked): void {
    if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
    this.verified.set(digest, checked);
  }

  private rememberRefused(digest: string): void {
    if (this.refused.size >= MAX_REMEMBERED) this.refused.clear();
    this.refused.add(digest);
  }
}

function unknownKey(): Unauthenticated {
  return new Unauthenticated('TOKEN.UNKNOWN', 'the API key is not known');
}
