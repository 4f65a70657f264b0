import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DUES_POLICY, DuesPolicyError, parseDuesPolicy, type DuesPolicy } from '../domain/dues/duesPolicy';
import { isTimeZone } from './clock';
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
  /** Caps on `orgEvents` replays and on what a subscriber may leave unread (ORGTRACK_MAX_REPLAYS and the like). */
  subscriptions: SubscriptionLimits;
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
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ORGTRACK_DATA_DIR || './data'),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongoUrl: env.MONGODB_URL || undefined,
    sqliteSynchronous: oneOf(env, 'ORGTRACK_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    knownAtCacheSize: integer(env, 'ORGTRACK_KNOWN_AT_CACHE', 4, 1, 64),
    transferExpiryDays: integer(env, 'ORGTRACK_TRANSFER_EXPIRY_DAYS', 90, 1, 3650),
    logLevel: (env.LOG_LEVEL || 'info').toLowerCase(),
    timeZone: timeZone(env),
    duesPolicy: duesPolicy(env),
    subscriptions: subscriptionLimits(env),
  };
}
