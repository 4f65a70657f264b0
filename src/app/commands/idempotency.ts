import { createHash, randomUUID } from 'node:crypto';
import { InvalidInput, Conflict } from '../../domain/shared/errors';
import { WrongExpectedVersionError } from '../../eventstore/errors';
import type { EventStore, ExpectedRevision, Json, JsonObject } from '../../eventstore/eventStore';
import type { Clock } from '../clock';
import type { CommandResult } from './commandHandler';

/** What a mutation returned the first time its idempotency key was used. */
export interface RememberedResult extends CommandResult {
  /** Id of the object the mutation affected, so the retry returns the same object. */
  subjectId: string;
  /** The transfer a transfer mutation was about. */
  transferId?: string;
}

type Entry = { fingerprint: string; state: 'RESERVED' | 'COMPLETED' | 'RELEASED'; result?: RememberedResult };

/** How long a duplicate waits for the first call with its key, and how often it looks. */
export interface IdempotencyTimings {
  waitMs: number;
  pollMs: number;
}

const DEFAULT_TIMINGS: IdempotencyTimings = { waitMs: 10_000, pollMs: 10 };

/**
 * Durable idempotency keys, kept in the event store itself (stream `idempotency-<hash>`), so
 * they survive restarts and work the same on every adapter without trusting event-id dedupe.
 * A key is reserved before the command runs (`no_stream` makes the reservation exclusive),
 * completed with the result, or released when the command was refused so it can be used again.
 * A duplicate that arrives while the first call runs waits for its outcome (bounded) and
 * answers with it, on this instance or another.
 */
export class IdempotencyKeys {
  private readonly timings: IdempotencyTimings;
  /** Calls running here, by stream: a duplicate on this instance wakes when one ends instead of at its next look. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    timings: Partial<IdempotencyTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** `owner` (a token's subject) keeps one caller's keys apart from another's. */
  async run(key: string, input: { mutation: string; input: unknown }, execute: () => Promise<RememberedResult>, owner?: string): Promise<RememberedResult> {
    if (key.length === 0 || key.length > 200) {
      throw new InvalidInput('IDEMPOTENCY.KEY_LENGTH', 'input.idempotencyKey must be 1 to 200 characters', 'input.idempotencyKey');
    }
    const scoped = owner === undefined ? key : `${owner}\n${key}`;
    const stream = `idempotency-${createHash('sha256').update(scoped).digest('hex').slice(0, 40)}`;
    const fingerprint = fingerprintOf(input);
    const deadline = performance.now() + this.timings.waitMs;
    for (;;) {
      if (await this.reserve(stream, key, fingerprint)) return this.execute(stream, key, execute);
      const previous = await this.outcomeOf(stream, key, fingerprint, deadline);
      if (previous !== undefined) return previous;
      // The first call was refused and released the key: this one runs as if it came first.
    }
  }

  private execute(stream: string, key: string, execute: () => Promise<RememberedResult>): Promise<RememberedResult> {
    // Forgotten before the duplicates wake, so a woken duplicate reads the recorded outcome.
    const outcome = this.executeAndRecord(stream, key, execute).finally(() => this.running.delete(stream));
    this.running.set(
      stream,
      outcome.catch(() => undefined),
    );
    return outcome;
  }

  private async executeAndRecord(stream: string, key: string, execute: () => Promise<RememberedResult>): Promise<RememberedResult> {
    try {
      const result = await execute();
      await this.record(stream, 'any', 'IdempotencyKeyCompleted', { key, result: result as unknown as Json });
      return result;
    } catch (error) {
      await this.record(stream, 'any', 'IdempotencyKeyReleased', { key });
      throw error;
    }
  }

  private async reserve(stream: string, key: string, fingerprint: string): Promise<boolean> {
    const entry = await this.read(stream);
    if (entry && entry.state !== 'RELEASED') return false;
    const expected = entry ? (await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0].revision : 'no_stream';
    try {
      await this.record(stream, expected, 'IdempotencyKeyReserved', { key, fingerprint });
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }

  /** The first call's result once it completes; undefined once it released the key; IN_PROGRESS past the deadline. */
  private async outcomeOf(stream: string, key: string, fingerprint: string, deadline: number): Promise<RememberedResult | undefined> {
    for (;;) {
      const entry = await this.read(stream);
      if (entry && entry.fingerprint !== fingerprint) {
        throw new InvalidInput('IDEMPOTENCY.KEY_REUSED', `input.idempotencyKey "${key}" was already used with a different input`, 'input.idempotencyKey');
      }
      if (entry?.state === 'COMPLETED' && entry.result) return entry.result;
      if (entry === undefined || entry.state === 'RELEASED') return undefined;
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new Conflict('IDEMPOTENCY.IN_PROGRESS', `A command with idempotencyKey "${key}" is still running; retry shortly`, 'input.idempotencyKey');
      }
      const pause = new Promise((resolve) => setTimeout(resolve, Math.min(this.timings.pollMs, left)));
      await Promise.race([pause, this.running.get(stream) ?? pause]);
    }
  }

  private async read(stream: string): Promise<Entry | undefined> {
    let entry: Entry | undefined;
    for (const event of await this.store.readStream(stream)) {
      const data = event.data;
      if (event.type === 'IdempotencyKeyReserved') entry = { fingerprint: String(data.fingerprint), state: 'RESERVED' };
      else if (entry && event.type === 'IdempotencyKeyCompleted') {
        entry = { ...entry, state: 'COMPLETED', result: data.result as unknown as RememberedResult };
      } else if (entry && event.type === 'IdempotencyKeyReleased') entry = { ...entry, state: 'RELEASED' };
    }
    return entry;
  }

  private async record(stream: string, expected: ExpectedRevision, type: string, data: JsonObject): Promise<void> {
    const recordedAt = this.clock.now().toISOString();
    const metadata = { effectiveDate: recordedAt.slice(0, 10), recordedAt, schemaVersion: 1 };
    await this.store.append(stream, [{ id: randomUUID(), type, data, metadata }], expected);
  }
}

/** A stable hash of the mutation's name and input: key order does not matter. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
