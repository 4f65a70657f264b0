import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DUES_POLICY, DuesPolicyError, parseDuesPolicy, type DuesPolicy } from '../domain/dues/duesPolicy';
import { isTimeZone } from './clock';
import { DEFAULT_SNAPSHOT_POLICY, type SnapshotPolicy } from './snapshots/snapshotPolicy';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './subscriptions/subscriptionLimits';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  /** HTTP port; default 4000. */
  port: number;
  /** Host to bind; default 0.0.0.0. */
  host: string;
  /** Folder of the embedded stores; default `./data`. */
  dataDir: string;
  /** EventStoreDB connection string; when unset, the embedded SQLite log is used. */
  eventStoreUrl: string | undefined;
  /** MongoDB connection string; when unset, the embedded read store is used. */
  mongoUrl: string | undefined;
  /** SQLite durability: FULL (default) survives power loss, NORMAL survives a process crash. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Days after which an unanswered transfer expires; default 90. */
  transferExpiryDays: number;
  /** Log level for pino; default `info`. */
  logLevel: string;
  /** IANA time zone whose calendar decides "today" (the default effective date); default Asia/Shanghai. */
  timeZone: string;
  /** The dues policy: from the JSON file named by ORGTRACK_DUES_POLICY, else DOMAIN.md's brackets. */
  duesPolicy: DuesPolicy;
  /** How many `knownAt` moments keep their replayed read models in memory; default 4. */
  knownAtCacheSize: number;
  /** Events between two marks of the embedded read models' past (`knownAt` forks them there); 0 keeps no past. */
  historyEpochEvents: number;
  /** The most marks of that past kept; older ones are thinned evenly beyond them (bounded memory). */
  historyMaxMarks: number;
  /**
   * Whether the embedded read store is saved to the data folder and restored at start
   * (ORGTRACK_SNAPSHOT; default true; never with MongoDB), and how often.
   */
  snapshots: { enabled: boolean } & SnapshotPolicy;
  /** NODE_ENV=production as the operator set it (the CLI's own default does not count). */
  production: boolean;
  /**
   * Refuse to start without an authentication source (a live API key or a JWT issuer), and
   * never create a first-start admin key: ORGTRACK_REQUIRE_AUTH=true, or production.
   */
  requireAuth: boolean;
  /** An external identity provider whose JWTs are accepted; null when not configured. */
  jwt: JwtConfig | null;
  /** What one request may ask of the API, on HTTP and WebSocket alike. */
  limits: RequestLimits;
  /** Caps on `orgEvents` replays and on what a subscriber may leave unread (ORGTRACK_MAX_REPLAYS and the like). */
  subscriptions: SubscriptionLimits;
}

/** ORGTRACK_JWT_*: which JWTs are accepted and how their claims map to a role and a unit. */
export interface JwtConfig {
  issuer: string;
  audience: string;
  /** Keys are fetched from here (RS256, ES256, …)… */
  jwksUrl: string | null;
  /** …or HS256 with this shared secret. */
  secret: string | null;
  /** Claim holding the role (ADMIN, ORGANIZER, ANALYST, INTEGRATOR, VIEWER); default `orgtrack_role`. */
  roleClaim: string;
  /** Claim holding the id of the unit whose subtree the caller reaches; default `orgtrack_unit`. */
  unitClaim: string;
}

/** Checked before a request runs (README "Configuration"); the defaults let every frontend query of the README run. */
export interface RequestLimits {
  /** Largest HTTP body and WebSocket message, in bytes (ORGTRACK_MAX_REQUEST_BYTES); default 1 MiB. */
  maxRequestBytes: number;
  /** Highest estimated cost of a document (ORGTRACK_MAX_QUERY_COST); default 25,000. */
  maxCost: number;
  /** Most aliases in an operation (ORGTRACK_MAX_ALIASES); default 50. */
  maxAliases: number;
  /** Deepest nesting of fields (ORGTRACK_MAX_DEPTH); default 12. */
  maxDepth: number;
  /** Most directives in an operation (ORGTRACK_MAX_DIRECTIVES); default 50. */
  maxDirectives: number;
  /** Most lexical tokens in a document (ORGTRACK_MAX_TOKENS); default 2,000. */
  maxTokens: number;
  /** Whether `__schema` and `__type` answer (ORGTRACK_INTROSPECTION); default on, off when NODE_ENV=production. */
  introspection: boolean;
  /**
   * Browser origins (`https://host[:port]`) that may call the API (ORGTRACK_ALLOWED_ORIGINS, comma
   * separated); default none. Requests without an Origin header (non-browser clients) are not affected.
   */
  allowedOrigins: readonly string[];
  /** Operations per token (or per address, without one) per minute, over both transports (ORGTRACK_RATE_LIMIT); default 1,200. */
  operationsPerMinute: number;
  /** Open WebSocket connections per token (ORGTRACK_MAX_SOCKETS_PER_TOKEN); default 20. */
  socketsPerToken: number;
  /** Operations running at once on one WebSocket (ORGTRACK_MAX_SUBSCRIPTIONS_PER_SOCKET); default 50. */
  subscriptionsPerSocket: number;
  /** Proxies whose X-Forwarded-For names the client (ORGTRACK_TRUST_PROXY: `loopback`, CIDRs, comma separated); default none. */
  trustProxy: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = allowed.find((candidate) => candidate === raw.toUpperCase());
  if (!value) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function origins(env: Env): string[] {
  const raw = env.ORGTRACK_ALLOWED_ORIGINS ?? '';
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      // A browser sends the origin alone: scheme, host and a port other than the scheme's default.
      const originOnly = url && (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash && !url.username;
      if (!url || !originOnly) throw new ConfigError(`ORGTRACK_ALLOWED_ORIGINS must list origins such as https://app.example.org, got "${entry}"`);
      return url.origin;
    });
}

function requestLimits(env: Env): RequestLimits {
  return {
    maxRequestBytes: integer(env, 'ORGTRACK_MAX_REQUEST_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxCost: integer(env, 'ORGTRACK_MAX_QUERY_COST', 25_000, 1, 10_000_000),
    maxAliases: integer(env, 'ORGTRACK_MAX_ALIASES', 50, 0, 10_000),
    maxDepth: integer(env, 'ORGTRACK_MAX_DEPTH', 12, 1, 1_000),
    maxDirectives: integer(env, 'ORGTRACK_MAX_DIRECTIVES', 50, 0, 10_000),
    maxTokens: integer(env, 'ORGTRACK_MAX_TOKENS', 2_000, 10, 1_000_000),
    introspection: flag(env, 'ORGTRACK_INTROSPECTION', !isProduction(env)),
    allowedOrigins: origins(env),
    operationsPerMinute: integer(env, 'ORGTRACK_RATE_LIMIT', 1_200, 1, 10_000_000),
    socketsPerToken: integer(env, 'ORGTRACK_MAX_SOCKETS_PER_TOKEN', 20, 1, 100_000),
    subscriptionsPerSocket: integer(env, 'ORGTRACK_MAX_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 100_000),
    trustProxy: env.ORGTRACK_TRUST_PROXY?.trim() || null,
  };
}

function timeZone(env: Env): string {
  const name = env.ORGTRACK_TIME_ZONE || 'Asia/Shanghai';
  if (!isTimeZone(name)) throw new ConfigError(`ORGTRACK_TIME_ZONE must be an IANA time zone such as Asia/Shanghai, got "${name}"`);
  return name;
}

function duesPolicy(env: Env): DuesPolicy {
  const file = env.ORGTRACK_DUES_POLICY;
  if (file === undefined || file === '') return DEFAULT_DUES_POLICY;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`ORGTRACK_DUES_POLICY: cannot read a JSON dues policy from "${file}": ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseDuesPolicy(json);
  } catch (error) {
    if (error instanceof DuesPolicyError) throw new ConfigError(`ORGTRACK_DUES_POLICY "${file}": ${error.message}`);
    throw error;
  }
}

/** NODE_ENV=production as the operator set it: the CLI's own default (for speed) does not count. */
function isProduction(env: Env): boolean {
  return env.NODE_ENV === 'production' && env.ORGTRACK_NODE_ENV_IMPLIED !== 'true';
}

function jwt(env: Env): JwtConfig | null {
  const issuer = env.ORGTRACK_JWT_ISSUER?.trim() || undefined;
  const jwksUrl = env.ORGTRACK_JWT_JWKS_URL?.trim() || null;
  const secret = env.ORGTRACK_JWT_SECRET || null;
  if (issuer === undefined) {
    if (jwksUrl !== null || secret !== null) throw new ConfigError('ORGTRACK_JWT_ISSUER must be set when ORGTRACK_JWT_JWKS_URL or ORGTRACK_JWT_SECRET is');
    return null;
  }
  const audience = env.ORGTRACK_JWT_AUDIENCE?.trim();
  if (!audience) throw new ConfigError('ORGTRACK_JWT_AUDIENCE must be set when ORGTRACK_JWT_ISSUER is');
  if ((jwksUrl === null) === (secret === null)) throw new ConfigError('set exactly one of ORGTRACK_JWT_JWKS_URL and ORGTRACK_JWT_SECRET');
  if (jwksUrl !== null && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError(`ORGTRACK_JWT_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  if (secret !== null && secret.length < 32) throw new ConfigError('ORGTRACK_JWT_SECRET must be at least 32 characters');
  return {
    issuer,
    audience,
    jwksUrl,
    secret,
    roleClaim: env.ORGTRACK_JWT_ROLE_CLAIM?.trim() || 'orgtrack_role',
    unitClaim: env.ORGTRACK_JWT_UNIT_CLAIM?.trim() || 'orgtrack_unit',
  };
}

function subscriptionLimits(env: Env): SubscriptionLimits {
  const defaults = DEFAULT_SUBSCRIPTION_LIMITS;
  const maxReplays = integer(env, 'ORGTRACK_MAX_REPLAYS', defaults.maxReplays, 1, 10_000);
  const maxReplaysPerCaller = integer(env, 'ORGTRACK_MAX_REPLAYS_PER_CALLER', Math.min(defaults.maxReplaysPerCaller, maxReplays), 1, 10_000);
  if (maxReplaysPerCaller > maxReplays) {
    throw new ConfigError(`ORGTRACK_MAX_REPLAYS_PER_CALLER (${maxReplaysPerCaller}) cannot exceed ORGTRACK_MAX_REPLAYS (${maxReplays})`);
  }
  return {
    maxReplays,
    maxReplaysPerCaller,
    maxWaitingReplaysPerCaller: integer(env, 'ORGTRACK_MAX_WAITING_REPLAYS_PER_CALLER', defaults.maxWaitingReplaysPerCaller, 0, 100_000),
    maxBufferedEvents: integer(env, 'ORGTRACK_SUBSCRIBER_BUFFER', defaults.maxBufferedEvents, 1, 10_000_000),
    replayStallMs: integer(env, 'ORGTRACK_REPLAY_STALL_MS', defaults.replayStallMs, 1, 3_600_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = isProduction(env);
  return {
    production,
    requireAuth: production || flag(env, 'ORGTRACK_REQUIRE_AUTH', false),
    jwt: jwt(env),
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ORGTRACK_DATA_DIR || './data'),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongoUrl: env.MONGODB_URL || undefined,
    sqliteSynchronous: oneOf(env, 'ORGTRACK_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    knownAtCacheSize: integer(env, 'ORGTRACK_KNOWN_AT_CACHE', 4, 1, 64),
    historyEpochEvents: integer(env, 'ORGTRACK_HISTORY_EPOCH_EVENTS', 1000, 0, 1_000_000),
    historyMaxMarks: integer(env, 'ORGTRACK_HISTORY_MAX_MARKS', 256, 2, 1_000_000),
    snapshots: {
      enabled: flag(env, 'ORGTRACK_SNAPSHOT', true),
      everyEvents: integer(env, 'ORGTRACK_SNAPSHOT_EVENTS', DEFAULT_SNAPSHOT_POLICY.everyEvents, 0, 1_000_000_000),
      everySeconds: integer(env, 'ORGTRACK_SNAPSHOT_SECONDS', DEFAULT_SNAPSHOT_POLICY.everySeconds, 0, 86_400 * 365),
    },
    transferExpiryDays: integer(env, 'ORGTRACK_TRANSFER_EXPIRY_DAYS', 90, 1, 3650),
    logLevel: (env.LOG_LEVEL || 'info').toLowerCase(),
    timeZone: timeZone(env),
    duesPolicy: duesPolicy(env),
    limits: requestLimits(env),
    subscriptions: subscriptionLimits(env),
  };
}
