import { randomUUID } from 'node:crypto';
import type { Decider } from '../../domain/decider';
import type { OrgEvent } from '../../domain/events';
import { Conflict } from '../../domain/shared/errors';
import { WrongExpectedVersionError } from '../../eventstore/errors';
import type { EventData, EventStore, ExpectedRevision, JsonObject, Position } from '../../eventstore/eventStore';
import type { Clock } from '../clock';
import { appendSurely, WriteOutcomeUnknown } from './appendSurely';
import { GateMoved, type GatePass, type GateTicket, type Gates, type SettledGate } from './gates';
import { loadAggregate } from './loadAggregate';

/** Who issued a command and how it relates to other messages. */
export interface CommandMetadata {
  /** A token's name, or a process such as `system:transfer-expiry`. */
  actor: string;
  /** Whom the token stands for (an API key's id, a JWT's `sub`); none for processes. */
  actorSubject?: string;
  correlationId?: string;
  idempotencyKey?: string;
}

export interface CommandOptions {
  /** Optimistic check: the stream revision the caller last saw (`version` on the object). */
  expectedVersion?: number;
  metadata: CommandMetadata;
  /**
   * The stream is new (its id was just generated): skip reading it and append with `no_stream`.
   * Should it exist after all, the append is refused and the command runs again the normal way.
   */
  createsStream?: boolean;
  /**
   * Called with the stream and event ids just before the events are appended (an idempotency key
   * records them); it may return a time (`performance.now()`) after which no append may start.
   */
  beforeAppend?: (write: { stream: string; eventIds: string[] }) => Promise<number | undefined>;
  /** The gates of the rules across aggregates this command decides (`Gates`); none by default. */
  gates?: readonly GatePass[];
}

export interface CommandResult {
  eventIds: string[];
  /** Position of the last event written (or of the log head when nothing was written). */
  position: Position;
  /** Stream revision after the command: the aggregate's new `version`. */
  version: number;
}

export const EVENT_SCHEMA_VERSION = 1;
const MAX_ATTEMPTS = 5;

/**
 * Loads an aggregate's stream, folds it, decides, and appends with the stream's revision as the
 * expectation. A concurrent write makes it reload and decide again, a bounded number of times.
 * Services reach it through the command path of their aggregate (`CommandPaths.of`).
 */
export class CommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    /** Needed by commands that name gates. */
    private readonly gates?: Gates,
  ) {}

  async handle<C extends { effectiveDate: string }, E extends OrgEvent, S>(
    stream: string,
    decider: Decider<C, E, S>,
    /** Builds the command once the current state is known (cross-aggregate facts may depend on it). */
    commandFor: (state: S) => C | Promise<C>,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const passes = options.gates ?? [];
    const gates = passes.length > 0 ? this.gates : undefined;
    if (passes.length > 0 && gates === undefined) throw new Error(`a command on ${stream} names gates, and this handler has none`);
    for (let attempt = 1; ; attempt++) {
      const settled = gates === undefined ? [] : await gates.settle(passes);
      const fresh = options.createsStream === true && attempt === 1;
      const { state, revision } = fresh ? { state: decider.initialState(), revision: -1 } : await loadAggregate(this.store, stream, decider);
      if (options.expectedVersion !== undefined && options.expectedVersion !== revision) {
        throw staleVersion(stream, options.expectedVersion, revision);
      }
      const command = await commandFor(state);
      const events = decider.decide(command, state);
      if (events.length === 0) {
        return { eventIds: [], position: (await this.store.headPosition()) ?? '', version: revision };
      }
      const recordedAt = this.clock.now().toISOString();
      const toAppend = events.map((event) => this.toEventData(event, command.effectiveDate, recordedAt, options.metadata));
      const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
      const tickets = gates === undefined ? [] : await enterGates(gates, settled, stream, toAppend[0].id);
      if (gates !== undefined && (tickets === undefined || !gates.stillOpen(tickets))) {
        if (tickets !== undefined) await gates.abandon(tickets);
        if (attempt >= MAX_ATTEMPTS) throw concurrentWrites(stream);
        continue;
      }
      try {
        const keyDeadline = (await options.beforeAppend?.({ stream, eventIds: toAppend.map((event) => event.id) })) ?? Infinity;
        const gateDeadline = gates === undefined || tickets === undefined ? Infinity : gates.writeDeadline(tickets);
        const result = await appendSurely(this.store, stream, toAppend, expected, Math.min(keyDeadline, gateDeadline));
        return { eventIds: toAppend.map((e) => e.id), position: result.position, version: result.nextExpectedRevision };
      } catch (error) {
        // A write whose outcome is unknown may be in the log: its entries stay for later commands to wait on.
        if (gates !== undefined && tickets !== undefined && !(error instanceof WriteOutcomeUnknown)) await gates.abandon(tickets);
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (options.expectedVersion !== undefined) throw staleVersion(stream, options.expectedVersion, error.actual);
        if (attempt >= MAX_ATTEMPTS) throw concurrentWrites(stream);
      }
    }
  }

  private toEventData(event: OrgEvent, effectiveDate: string, recordedAt: string, metadata: CommandMetadata): EventData {
    return {
      id: randomUUID(),
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: {
        effectiveDate,
        recordedAt,
        actor: metadata.actor,
        ...(metadata.actorSubject === undefined ? {} : { actorSubject: metadata.actorSubject }),
        correlationId: metadata.correlationId,
        idempotencyKey: metadata.idempotencyKey,
        schemaVersion: EVENT_SCHEMA_VERSION,
      },
    };
  }
}

/** The tickets, or undefined when another command entered first and this one must decide again. */
async function enterGates(gates: Gates, settled: readonly SettledGate[], stream: string, eventId: string): Promise<GateTicket[] | undefined> {
  try {
    return await gates.enter(settled, { stream, eventId });
  } catch (error) {
    if (error instanceof GateMoved) return undefined;
    throw error;
  }
}

function concurrentWrites(stream: string): Conflict {
  return new Conflict('STREAM.CONCURRENT_WRITES', `${stream} kept changing under concurrent writes; try again`);
}

function staleVersion(stream: string, expected: number, actual: number | 'no_stream'): Conflict {
  const actualText = actual === 'no_stream' || actual < 0 ? 'it does not exist yet' : `it is at version ${actual}`;
  return new Conflict('VERSION.STALE', `input.expectedVersion ${expected} is stale for ${stream}: ${actualText}`, 'input.expectedVersion');
}
