import type { PositionedEvent } from '../../domain/events';
import { DomainError } from '../../domain/shared/errors';
import type { ReadStore } from '../../readstore/readStore';
import { ATTENDANCE_FLAG_STATES, EVENT_INDEX, type AttendanceFlagStateDocument, type EventIndexDocument } from '../../../projections';
import { today, type Clock } from '../clock';
import { ATTENDANCE_FLAG_ACTOR, type AttendanceFlagCommands } from './attendanceFlagCommands';
import type { Projector } from '../projector/projector';
import type { AttendanceFlagQueries } from './attendanceFlagQueries';
import { flagTriggers } from './flagTriggers';

/** How often the flags are swept for absences that aged out: every three hours. */
export const FLAG_SWEEP_INTERVAL_MS = 3 * 3_600_000;

export interface AttendanceFlagWatcherParts {
  readStore: ReadStore;
  projector: Projector;
  flags: AttendanceFlagQueries;
  commands: AttendanceFlagCommands;
  clock: Clock;
}

/**
 * Keeps the recorded attendance flags (stream `attendanceflag-<memberId>`) in step with the
 * facts they derive from, as of today by the app clock. After each batch the projector applies,
 * it reassesses the members the batch may concern: everyone listed at a theme party day, members
 * registered, leaving or transferred, and the members of what a retraction withdrew; after a
 * rebuild of the read models, and at start and every few hours (absences age out of the twelve
 * months with no event at all), it sweeps every member who is flagged or has an unexcused
 * absence in the window. Only members whose flag differs from the recorded one get a command;
 * the decider records a change once, also when several instances watch at the same time.
 *
 * Started by `orgtrack serve` (not by `createApp`), so that seeding, imports and tests that do
 * not ask for it record no derived events. Work is done one piece at a time, off the projector's
 * path: what arrives meanwhile is gathered and done next.
 */
export class AttendanceFlagWatcher {
  private readonly pending = new Set<string>();
  private readonly retractions: string[] = [];
  private sweepWanted = false;
  private working: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private rebuilds = 0;
  private recorded = 0;
  private onError: (error: unknown) => void = () => undefined;

  constructor(private readonly parts: AttendanceFlagWatcherParts) {}

  /** Flag events recorded by this watcher since it was created. */
  get eventsRecorded(): number {
    return this.recorded;
  }

  /** Listens to the projector, sweeps now and then every `intervalMs`, until `stop`. */
  start(onError: (error: unknown) => void, intervalMs = FLAG_SWEEP_INTERVAL_MS): void {
    if (this.unsubscribe !== undefined) return;
    this.onError = onError;
    this.rebuilds = this.parts.projector.rebuildCount;
    this.unsubscribe = this.parts.projector.onApplied((events) => this.heard(events));
    this.requestSweep();
    this.timer = setInterval(() => this.requestSweep(), intervalMs);
    this.timer.unref();
  }

  /** Stops listening and sweeping; resolves once the work under way is done. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearInterval(this.timer);
    this.pending.clear();
    this.retractions.length = 0;
    this.sweepWanted = false;
    await this.settled();
  }

  /** Resolves once everything heard of so far has been reassessed. */
  async settled(): Promise<void> {
    while (this.working !== undefined) await this.working;
  }

  /** Reassesses everyone who is flagged or might be today; returns how many flag events it recorded. */
  async sweep(): Promise<number> {
    await this.parts.projector.catchUp();
    const asOf = today(this.parts.clock);
    const raised = await this.states.find({ raised: true }, { projection: { _id: 1 } });
    const candidates = new Set([...(await this.parts.flags.membersWithAbsences(asOf)), ...raised.map((state) => state._id)]);
    return this.reconcile([...candidates], asOf);
  }

  /** Reassesses these members as of today; returns how many flag events it recorded. */
  reassess(memberIds: readonly string[]): Promise<number> {
    return this.reconcile(memberIds, today(this.parts.clock));
  }

  private get states() {
    return this.parts.readStore.collection<AttendanceFlagStateDocument>(ATTENDANCE_FLAG_STATES);
  }

  /** Called by the projector after each batch: notes what to do, and does it off its path. */
  private heard(events: readonly PositionedEvent[]): void {
    const rebuilds = this.parts.projector.rebuildCount;
    if (rebuilds !== this.rebuilds) {
      // Every read model was rebuilt: any flag may have changed.
      this.rebuilds = rebuilds;
      this.sweepWanted = true;
    } else {
      const { memberIds, retractionIds } = flagTriggers(events);
      for (const memberId of memberIds) this.pending.add(memberId);
      this.retractions.push(...retractionIds);
    }
    this.kick();
  }

  private requestSweep(): void {
    this.sweepWanted = true;
    this.kick();
  }

  private hasWork(): boolean {
    return this.sweepWanted || this.pending.size > 0 || this.retractions.length > 0;
  }

  private kick(): void {
    if (this.working !== undefined || !this.hasWork()) return;
    this.working = this.drain()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.working = undefined;
        this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.hasWork()) {
      if (this.sweepWanted) {
        // A sweep reassesses a superset of any members pending.
        this.sweepWanted = false;
        this.pending.clear();
        this.retractions.length = 0;
        await this.sweep();
        continue;
      }
      const memberIds = [...this.pending];
      this.pending.clear();
      const retractionIds = this.retractions.splice(0);
      await this.reassess([...memberIds, ...(await this.membersOfRetracted(retractionIds))]);
    }
  }

  /** The members the retracted events were about (the event index gives a retraction its target's subjects). */
  private async membersOfRetracted(retractionIds: readonly string[]): Promise<string[]> {
    if (retractionIds.length === 0) return [];
    const entries = await this.parts.readStore
      .collection<EventIndexDocument>(EVENT_INDEX)
      .find({ eventId: { $in: [...retractionIds] } }, { projection: { memberIds: 1 } });
    return entries.flatMap((entry) => entry.memberIds);
  }

  /**
   * Compares each member's flag today with the recorded one and reassesses those that differ.
   * A refused reassessment (a stream that kept changing under other writers) is left to the
   * next trigger or sweep.
   */
  private async reconcile(memberIds: readonly string[], asOf: string): Promise<number> {
    const ids = [...new Set(memberIds)];
    if (ids.length === 0) return 0;
    const standings = await this.parts.flags.standings(ids, asOf);
    const flagged = new Set(standings.filter((standing) => standing.flag !== null).map((standing) => standing.memberId));
    const raised = new Set((await this.states.find({ _id: { $in: ids }, raised: true }, { projection: { _id: 1 } })).map((state) => state._id));
    let recorded = 0;
    for (const memberId of ids) {
      if (flagged.has(memberId) === raised.has(memberId)) continue;
      try {
        const result = await this.parts.commands.reassess(memberId, { actor: ATTENDANCE_FLAG_ACTOR, effectiveDate: asOf });
        recorded += result.eventIds.length;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    this.recorded += recorded;
    return recorded;
  }
}
