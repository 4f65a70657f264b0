import { randomUUID } from 'node:crypto';
import { Conflict } from '../../domain/shared/errors';
import { WrongExpectedVersionError } from '../../eventstore/errors';
import type { EventStore, JsonObject, RecordedEvent } from '../../eventstore/eventStore';
import type { Clock } from '../clock';
import { appendSurely, WriteOutcomeUnknown } from './appendSurely';

/**
 * How a command passes the gate of a rule that spans aggregates (a unit code, one legal adviser
 * per village, no member in a dissolved branch):
 * - `exclusive`: it decides on everything the gate let through before it, and nothing passes
 *   between its decision and its entry (the entry expects the gate stream's revision);
 * - `shared`: it needs only that no exclusive command entered since it looked (registrations into
 *   one branch do not wait for one another, only for the branch's dissolution).
 */
export type GateMode = 'shared' | 'exclusive';

export interface GatePass {
  /** What the rule is about, in canonical form: `unitcode:SEQ-1`, `unit:<id>`. */
  key: string;
  mode: GateMode;
}

/** Gate streams are bookkeeping, not the organization's history: no projection reads them. */
export const GATE_CATEGORY = 'gate';

export function gateStream(key: string): string {
  return `${GATE_CATEGORY}-${key}`;
}

const ENTERED = 'GateEntered';
const ABANDONED = 'GateEntryAbandoned';

/** A gate as a command saw it before deciding: the revision its entry expects (exclusive) or read back from (shared). */
export interface SettledGate extends GatePass {
  revision: number;
}

/** A command's entry in a gate, until its fact is written. */
export interface GateTicket {
  key: string;
  entryId: string;
  /** `performance.now()` when the entry was written. */
  enteredAt: number;
}

/** Another command entered the gate between this one's look and its entry: decide again. */
export class GateMoved extends Error {
  constructor(key: string) {
    super(`gate ${key} moved`);
  }
}

export interface GateTimings {
  /**
   * An entry whose fact a command has seen missing from the log for this long (on its own
   * clock) is void: its writer gave up or died. A writer starts no append of its fact later
   * than a quarter of this after it began to enter, which leaves the rest for an append in
   * flight to land.
   */
  entryTimeoutMs: number;
  pollMs: number;
}

const DEFAULT_TIMINGS: GateTimings = { entryTimeoutMs: 20_000, pollMs: 5 };
const PAGE = 64;
const FIRST_PAGE = 4;
/** Entries older than this many timeouts by the store's clock are settled whatever the clocks' skew: a look reads no further back. */
const HORIZON_TIMEOUTS = 10;
/** A command that waits on a gate longer than this many timeouts (entries keep coming) gives up. */
const SETTLE_TIMEOUTS = 3;

interface Entry {
  id: string;
  mode: GateMode;
  stream: string;
  eventId: string;
  createdMs: number;
}

/**
 * Serialises the commands of a rule that spans aggregates through a gate stream per key, with
 * single-stream appends only (so it holds on every adapter and across instances): a command
 * settles the gate (waits until the facts of the entries it must see are in the log and in the
 * read models), decides, enters (an entry names the fact's stream and first event id) and then
 * writes its fact. The rule's facts stay in their own streams; the gate holds only the order.
 */
export class Gates {
  private readonly timings: GateTimings;
  /** When this instance first saw each entry it waits on without its fact (`performance.now()`): an entry's age on one clock. */
  private readonly pendingSince = new Map<string, number>();
  /** By mode and key: the revision up to which this instance found every entry a pass must see settled. */
  private readonly settled = new Map<string, number>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    /** Waits until the read models include everything in the log. */
    private readonly readModelsUpToDate: () => Promise<void>,
    timings: Partial<GateTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  async settle(passes: readonly GatePass[]): Promise<SettledGate[]> {
    const settled: SettledGate[] = [];
    for (const pass of passes) settled.push(await this.settleOne(pass));
    // A shared pass decides on its aggregates' streams (which hold the exclusive entries' facts
    // once settled); an exclusive one on read models, which must include them too.
    if (settled.some((gate) => gate.mode === 'exclusive')) await this.readModelsUpToDate();
    return settled;
  }

  /**
   * Enters every gate (exclusive ones expecting the settled revision; shared ones anywhere, then
   * checking no exclusive entry came between). Throws `GateMoved` (having abandoned what it
   * entered) when the command must decide again.
   */
  async enter(gates: readonly SettledGate[], fact: { stream: string; eventId: string }): Promise<GateTicket[]> {
    const tickets: GateTicket[] = [];
    try {
      for (const gate of gates) tickets.push(await this.enterOne(gate, fact));
      return tickets;
    } catch (error) {
      await this.abandon(tickets);
      // An entry whose own write stayed unknown: the fact was not attempted, so the command decides again.
      if (error instanceof WriteOutcomeUnknown) throw new GateMoved(gates[tickets.length].key);
      throw error;
    }
  }

  /** Until when (`performance.now()`) the fact may be appended: a quarter of the timeout after the first entry began. */
  writeDeadline(tickets: readonly GateTicket[]): number {
    return Math.min(...tickets.map((ticket) => ticket.enteredAt + this.timings.entryTimeoutMs / 4));
  }

  /** Whether the fact may still be written. */
  stillOpen(tickets: readonly GateTicket[]): boolean {
    return performance.now() < this.writeDeadline(tickets);
  }

  /** The fact will not be written: later commands need not wait for it. */
  async abandon(tickets: readonly GateTicket[]): Promise<void> {
    for (const ticket of tickets) {
      await this.append(gateStream(ticket.key), ABANDONED, { entryId: ticket.entryId }, 'any').catch(() => undefined);
    }
  }

  private async settleOne(pass: GatePass): Promise<SettledGate> {
    const giveUpAt = performance.now() + SETTLE_TIMEOUTS * this.timings.entryTimeoutMs;
    for (;;) {
      const { revision, waitingOn } = await this.look(pass);
      if (!waitingOn) return { ...pass, revision };
      if (performance.now() > giveUpAt) throw new Conflict('GATE.BUSY', `Commands on ${pass.key} kept coming while this one waited its turn; try again`);
      await new Promise((resolve) => setTimeout(resolve, this.timings.pollMs));
    }
  }

  /** Whether an entry whose fact is missing is still worth waiting for: younger than the timeout since this instance first saw it so. */
  private stillPending(entry: Entry): boolean {
    const now = performance.now();
    const since = this.pendingSince.get(entry.id);
    if (since === undefined) {
      if (this.pendingSince.size > 10_000) this.pendingSince.clear();
      this.pendingSince.set(entry.id, now);
      return true;
    }
    return now - since < this.timings.entryTimeoutMs;
  }

  /**
   * Reads the gate from its end back to the last exclusive entry (which settled all before it)
   * or to entries far older than the timeout (settled or void by now). The command waits on an
   * entry it must see whose fact is not in the log yet, until it is void: for an exclusive pass
   * any entry, for a shared one only exclusive entries.
   */
  private async look(pass: GatePass): Promise<{ revision: number; waitingOn: boolean }> {
    const seen = await this.lookBack(pass);
    if (!seen.waitingOn) this.rememberSettled(pass, seen.revision);
    return seen;
  }

  /** Up to where this instance found the gate settled, for a pass of each mode: a later look reads only what came after. */
  private settledUpTo(pass: GatePass): number {
    return this.settled.get(`${pass.mode} ${pass.key}`) ?? -1;
  }

  private rememberSettled(pass: GatePass, revision: number): void {
    if (this.settled.size > 10_000) this.settled.clear();
    // What an exclusive pass found settled (every entry) is settled for a shared one (exclusive entries) too.
    for (const mode of pass.mode === 'exclusive' ? ['exclusive', 'shared'] : ['shared']) {
      const key = `${mode} ${pass.key}`;
      this.settled.set(key, Math.max(this.settled.get(key) ?? -1, revision));
    }
  }

  private async lookBack(pass: GatePass): Promise<{ revision: number; waitingOn: boolean }> {
    const stream = gateStream(pass.key);
    const abandoned = new Set<string>();
    const now = Date.now();
    const known = this.settledUpTo(pass);
    let revision = -1;
    let from: number | undefined;
    for (;;) {
      // Usually only the last few entries are new to this instance: a short first page.
      const page = await this.store.readStream(stream, { direction: 'backwards', fromRevision: from, maxCount: from === undefined ? FIRST_PAGE : PAGE });
      if (page.length === 0) return { revision, waitingOn: false };
      if (revision < 0) revision = page[0].revision;
      for (const event of page) {
        if (event.revision <= known) return { revision, waitingOn: false };
        if (event.type === ABANDONED) {
          abandoned.add(String(event.data.entryId));
          continue;
        }
        const entry = entryOf(event);
        if (entry === undefined) continue;
        if (now - entry.createdMs > HORIZON_TIMEOUTS * this.timings.entryTimeoutMs) return { revision, waitingOn: false };
        const mustSee = pass.mode === 'exclusive' || entry.mode === 'exclusive';
        if (mustSee && !abandoned.has(entry.id)) {
          if (await this.factRecorded(entry)) this.pendingSince.delete(entry.id);
          else if (this.stillPending(entry)) return { revision, waitingOn: true };
        }
        if (entry.mode === 'exclusive') return { revision, waitingOn: false };
      }
      const last = page[page.length - 1].revision;
      if (last === 0) return { revision, waitingOn: false };
      from = last - 1;
    }
  }

  private async enterOne(gate: SettledGate, fact: { stream: string; eventId: string }): Promise<GateTicket> {
    const stream = gateStream(gate.key);
    const data = { mode: gate.mode, stream: fact.stream, eventId: fact.eventId };
    // The writer's window starts before the entry is written: a slow entry append shortens it.
    const enteredAt = performance.now();
    if (gate.mode === 'exclusive') {
      try {
        const entryId = await this.append(stream, ENTERED, data, gate.revision < 0 ? 'no_stream' : gate.revision);
        return { key: gate.key, entryId, enteredAt };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) throw new GateMoved(gate.key);
        throw error;
      }
    }
    const entryId = await this.append(stream, ENTERED, data, 'any');
    const ticket = { key: gate.key, entryId, enteredAt };
    const between = await this.store.readStream(stream, { fromRevision: gate.revision + 1 }).catch(async (error: unknown) => {
      await this.abandon([ticket]);
      throw error;
    });
    const abandoned = new Set(between.filter((event) => event.type === ABANDONED).map((event) => String(event.data.entryId)));
    for (const event of between) {
      if (event.id === entryId) break;
      const entry = entryOf(event);
      if (entry?.mode === 'exclusive' && !abandoned.has(entry.id)) {
        await this.abandon([ticket]);
        throw new GateMoved(gate.key);
      }
    }
    return ticket;
  }

  private async factRecorded(entry: Entry): Promise<boolean> {
    const recent = await this.store.readStream(entry.stream, { direction: 'backwards', maxCount: PAGE });
    if (recent.some((event) => event.id === entry.eventId)) return true;
    if (recent.length < PAGE) return false;
    return (await this.store.readStream(entry.stream)).some((event) => event.id === entry.eventId);
  }

  private async append(stream: string, type: string, data: JsonObject, expected: number | 'no_stream' | 'any'): Promise<string> {
    const id = randomUUID();
    const recordedAt = this.clock.now().toISOString();
    await appendSurely(this.store, stream, [{ id, type, data, metadata: { effectiveDate: recordedAt.slice(0, 10), recordedAt, schemaVersion: 1 } }], expected);
    return id;
  }
}

function entryOf(event: RecordedEvent): Entry | undefined {
  if (event.type !== ENTERED) return undefined;
  const { mode, stream, eventId } = event.data;
  if ((mode !== 'shared' && mode !== 'exclusive') || typeof stream !== 'string' || typeof eventId !== 'string') return undefined;
  return { id: event.id, mode, stream, eventId, createdMs: Date.parse(event.created) };
}
