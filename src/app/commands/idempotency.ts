import { createHash, randomUUID } from 'node:crypto';
import { InvalidInput, Conflict } from '../../domain/shared/errors';
import { WrongExpectedVersionError } from '../../eventstore/errors';
import type { EventStore, ExpectedRevision, Json, JsonObject } from '../../eventstore/eventStore';
import type { Clock } from '../clock';
import { WriteOutcomeUnknown } from './appendSurely';
import type { CommandResult } from './commandHandler';

/** What a mutation returned the first time its idempotency key was used. */
export interface RememberedResult extends CommandResult {
  /** Id of the object the mutation affected, so the retry returns the same object. */
  subjectId: string;
  /** The transfer a transfer mutation was about. */
  transferId?: string;
}

/** The events a call was about to append when it recorded them (`IdempotencyKeyWriting`). */
type Write = { stream: string; eventIds: string[] };

type Entry = {
  fingerprint: string;
  state: 'RESERVED' | 'COMPLETED' | 'RELEASED';
  result?: RememberedResult;
  /** When the reservation was stored (the store's clock). */
  reservedAtMs: number;
  /** Its revision in the key's stream, and the stream's last revision. */
  lastRevision: number;
  /** The events it was about to append, each time it was about to append. */
  writes: Write[];
};

/** What the call with a key is given: record the events it is about to append, before it appends them; answers until when an append may start. */
export type BeforeAppend = (write: Write) => Promise<number>;

/** How long a duplicate waits for the first call with its key, how often it looks, and when a reservation is stale. */
export interface IdempotencyTimings {
  waitMs: number;
  pollMs: number;
  /**
   * A reservation an instance has seen without an outcome this long (on its own clock; or ten
   * times this by the store's clock) belongs to a call that died (the process was killed, the
   * write's outcome stayed unknown): a duplicate resolves it by looking the recorded event ids
   * up. A call starts no append later than half of this after reserving.
   */
  staleMs: number;
}

const DEFAULT_TIMINGS: IdempotencyTimings = { waitMs: 10_000, pollMs: 10, staleMs: 30_000 };

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
  /** When this instance first saw each reservation without an outcome (`performance.now()`). */
  private readonly unresolvedSince = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    timings: Partial<IdempotencyTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** `owner` (a token's subject) keeps one caller's keys apart from another's. */
  async run(
    key: string,
    input: { mutation: string; input: unknown },
    execute: (beforeAppend: BeforeAppend) => Promise<RememberedResult>,
    owner?: string,
  ): Promise<RememberedResult> {
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

  private execute(stream: string, key: string, execute: (beforeAppend: BeforeAppend) => Promise<RememberedResult>): Promise<RememberedResult> {
    // Forgotten before the duplicates wake, so a woken duplicate reads the recorded outcome.
    const outcome = this.executeAndRecord(stream, key, execute).finally(() => {
      if (this.running.get(stream) === settled) this.running.delete(stream);
    });
    const settled = outcome.catch(() => undefined);
    this.running.set(stream, settled);
    return outcome;
  }

  private async executeAndRecord(stream: string, key: string, execute: (beforeAppend: BeforeAppend) => Promise<RememberedResult>): Promise<RememberedResult> {
    const deadline = performance.now() + this.timings.staleMs / 2;
    const beforeAppend: BeforeAppend = async (write) => {
      if (performance.now() > deadline) {
        throw new Conflict(
          'IDEMPOTENCY.TOO_SLOW',
          `The command with idempotencyKey "${key}" took too long to reach its write; send it again`,
          'input.idempotencyKey',
        );
      }
      await this.record(stream, 'any', 'IdempotencyKeyWriting', write);
      return deadline;
    };
    let result: RememberedResult;
    try {
      result = await execute(beforeAppend);
    } catch (error) {
      // Written or not, nobody knows yet: the key stays reserved until a duplicate resolves it.
      if (!(error instanceof WriteOutcomeUnknown)) await this.record(stream, 'any', 'IdempotencyKeyReleased', { key });
      throw error;
    }
    // The command is recorded: should its result not be, the key stays reserved and a duplicate later finds the events.
    await this.record(stream, 'any', 'IdempotencyKeyCompleted', { key, result: result as unknown as Json }).catch(() => undefined);
    return result;
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
      if (!this.running.has(stream) && this.stale(stream, entry)) {
        await this.resolveStale(stream, key, entry);
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new Conflict('IDEMPOTENCY.IN_PROGRESS', `A command with idempotencyKey "${key}" is still running; retry shortly`, 'input.idempotencyKey');
      }
      const pause = new Promise((resolve) => setTimeout(resolve, Math.min(this.timings.pollMs, left)));
      await Promise.race([pause, this.running.get(stream) ?? pause]);
    }
  }

  /** Whether a reservation without an outcome is stale: seen so by this instance for `staleMs`, or far older by the store's clock. */
  private stale(stream: string, entry: Entry): boolean {
    const now = performance.now();
    const seenKey = `${stream}@${entry.reservedAtMs}`;
    const since = this.unresolvedSince.get(seenKey);
    if (since === undefined) {
      if (this.unresolvedSince.size > 10_000) this.unresolvedSince.clear();
      this.unresolvedSince.set(seenKey, now);
    }
    return now - (since ?? now) > this.timings.staleMs || Date.now() - entry.reservedAtMs > 10 * this.timings.staleMs;
  }

  /**
   * A reservation whose call died: if the events it was about to write are not in the log, the
   * key is released (expecting the stream's revision, so one duplicate does it) and the
   * duplicate runs; if they are, the call was recorded and only its answer was lost.
   */
  private async resolveStale(stream: string, key: string, entry: Entry): Promise<void> {
    const written = [];
    for (const write of entry.writes) written.push(...(await this.store.readStream(write.stream)).filter((event) => write.eventIds.includes(event.id)));
    if (written.length === 0) {
      try {
        await this.record(stream, entry.lastRevision, 'IdempotencyKeyReleased', { key, stale: true });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
      return;
    }
    const last = written[written.length - 1];
    throw new Conflict(
      'IDEMPOTENCY.ANSWER_LOST',
      `The command with idempotencyKey "${key}" was recorded (events ${written.map((event) => event.id).join(', ')} in ${last.stream}, position ${last.position}) but its process stopped before it answered; read the object to see its effect`,
      'input.idempotencyKey',
    );
  }

  private async read(stream: string): Promise<Entry | undefined> {
    let entry: Entry | undefined;
    for (const event of await this.store.readStream(stream)) {
      const data = event.data;
      if (event.type === 'IdempotencyKeyReserved') {
        entry = { fingerprint: String(data.fingerprint), state: 'RESERVED', reservedAtMs: Date.parse(event.created), lastRevision: event.revision, writes: [] };
        continue;
      }
      if (entry === undefined) continue;
      entry.lastRevision = event.revision;
      if (event.type === 'IdempotencyKeyCompleted') entry = { ...entry, state: 'COMPLETED', result: data.result as unknown as RememberedResult };
      else if (event.type === 'IdempotencyKeyReleased') entry = { ...entry, state: 'RELEASED' };
      else if (event.type === 'IdempotencyKeyWriting')
        entry = { ...entry, writes: [...entry.writes, { stream: String(data.stream), eventIds: (data.eventIds as string[]) ?? [] }] };
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
