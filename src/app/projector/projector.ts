import { EventEmitter } from 'node:events';
import type { PositionedEvent } from '../../domain/events';
import type { AllSubscription, EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadGate } from '../../readstore/gatedReadStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';
import { isDomainEvent, toPositionedEvent } from '../recordedEvents';
import { PositionWaiters } from './positionWaiters';
import { recordCheckpointedLog, verifyCheckpointedLog } from './checkpointedLog';
import type { ProjectorLease } from './projectorLease';
import { ProjectionCheckpoints } from './projectionCheckpoints';
import { projectLog } from './projectLog';
import { RetractedEvents, type Retraction } from './retractedEvents';
import { TargetedCorrection } from './targetedCorrection';

export interface ProjectorOptions {
  /** Largest batch taken from the live subscription at once; default 2,000. */
  batchSize?: number;
  /**
   * Events per page, and so per batch, while catching up with the stored log; default 20,000.
   * Each document a batch touches is read and written once per batch, so a rebuild goes faster
   * in few large batches.
   */
  catchUpBatchSize?: number;
  /** Called after each batch with the checkpoint reached. */
  onProgress?: (position: Position, eventsApplied: number) => void;
  /** Called with each error the projector resumes after. */
  onError?: (error: unknown) => void;
  /** The first pause before resuming after an error (doubling up to 30 s); default 100 ms. */
  resumeAfterMs?: number;
  /**
   * For a read store several instances share (MongoDB): only the holder of this lease applies
   * events; the others follow its stored checkpoints (read-your-writes and subscriptions work on
   * every instance) and take the lease over when it expires.
   */
  lease?: ProjectorLease;
  /** How often an instance without the lease reads the stored checkpoints and tries the lease; default 100 ms. */
  followPollMs?: number;
  /** Closed while a targeted correction runs: readers of the read models (through a GatedReadStore) wait for it. */
  readGate?: ReadGate;
  /**
   * When the read store keeps its past (`ReadStore.history`): events between two history marks,
   * so that a `knownAt` view forks the read models at most this many events before its moment
   * and replays only those; default 1,000. Catch-up pages are no larger then. 0: no marks.
   */
  historyEpochEvents?: number;
  /**
   * The most history marks kept: beyond them, older marks are thinned evenly (every other one
   * dropped, with the past versions only they needed), so the marks stay bounded while the
   * events between two at most double; default 256.
   */
  historyMaxMarks?: number;
}

const IMMEDIATE = Symbol('immediate');
const DEFAULT_BATCH_SIZE = 2000;
const DEFAULT_CATCH_UP_BATCH_SIZE = 20_000;
const DEFAULT_HISTORY_EPOCH_EVENTS = 1000;
const DEFAULT_HISTORY_MAX_MARKS = 256;

/**
 * Keeps the read models up to date: reads `$all` from the lowest stored checkpoint in large
 * pages until it reaches the head, then follows a subscription from there. Events are applied
 * in batches (every projection in order, each given only what is after its own checkpoint, so
 * a new or reset one catches up alone while the others stay where they are), then the
 * checkpoints are stored. Subscribers (the subscription hub) hear of each event once every read
 * model includes it.
 */
export type ProjectorState = 'starting' | 'running' | 'following' | 'resuming' | 'stopped';

/** The lease passed to another instance: this one stops writing and follows. */
class Deposed extends Error {
  constructor() {
    super('the projector lease passed to another instance');
  }
}

const RESUME_FIRST_MS = 100;
const DEFAULT_FOLLOW_POLL_MS = 100;
const FOLLOW_PAGE = 1_000;
const RESUME_MAX_MS = 30_000;

export class Projector {
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private checkpoints: ProjectionCheckpoints;
  /** The last position waiters and listeners were told of. */
  private announced: Position | undefined;
  private applied = 0;
  private readonly waiters = new PositionWaiters();
  private readonly emitter = new EventEmitter();
  private readonly batchSize: number;
  private readonly catchUpBatchSize: number;
  private stopping = false;
  private retracted = RetractedEvents.none();
  private exclusive: Promise<void> = Promise.resolve();
  private rebuilds = 0;
  private readonly corrector: TargetedCorrection;
  private readonly epochEvents: number;
  private sinceMark = 0;
  private currentState: ProjectorState = 'starting';
  /** Whether the read store names the log its checkpoints are positions in (`checkpointedLog`). */
  private logRecorded = false;
  /** The lease passed to another instance while this one held it: nothing more is written. */
  private deposed = false;
  private failures = 0;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.epochEvents = readStore.history === undefined ? 0 : Math.max(options.historyEpochEvents ?? DEFAULT_HISTORY_EPOCH_EVENTS, 0);
    const catchUpBatchSize = Math.max(options.catchUpBatchSize ?? DEFAULT_CATCH_UP_BATCH_SIZE, 1);
    this.catchUpBatchSize = this.keepsHistory ? Math.min(catchUpBatchSize, this.epochEvents) : catchUpBatchSize;
    this.emitter.setMaxListeners(0);
    this.checkpoints = ProjectionCheckpoints.none(this.names);
    this.corrector = new TargetedCorrection(events, readStore, projections, options.readGate);
  }

  /** Last position every read model includes (the lowest checkpoint). */
  get position(): Position | undefined {
    return this.checkpoints.lowest;
  }

  get eventsApplied(): number {
    return this.applied;
  }

  /** How many times the read models were rebuilt whole since start (`rebuildAll`, or a start that found projections at different checkpoints behind a retraction). */
  get rebuildCount(): number {
    return this.rebuilds;
  }

  /** How many retractions of events the read models held were corrected in place since start. */
  get correctionCount(): number {
    return this.corrector.count;
  }

  /**
   * Whether the read models keep their past, marked every `historyEpochEvents`: then every
   * event is applied when reached and a retraction is a correction when reached too (never
   * skipped up front), so that the past shows each event until its retraction was recorded.
   */
  private get keepsHistory(): boolean {
    return this.epochEvents > 0;
  }

  async start(): Promise<void> {
    for (const projection of this.projections) await projection.setup(this.readStore);
    this.checkpoints = await ProjectionCheckpoints.load(this.readStore, this.names);
    this.logRecorded = await verifyCheckpointedLog(this.events, this.readStore, this.checkpoints);
    // What the most advanced projection holds was announced before: a projection added or being
    // rebuilt catches up without telling subscribers of history again.
    this.announced = this.checkpoints.highest;
    this.running = this.keepRunning();
  }

  /** Whether it follows the log (`running`), waits to resume after an error (`resuming`), or was stopped. */
  get state(): ProjectorState {
    return this.currentState;
  }

  /** Errors it resumed after since start (a dropped subscription, a failed batch). */
  get failureCount(): number {
    return this.failures;
  }

  /**
   * Runs until stopped. An error (the subscription dropped, a read failed, a batch could not be
   * written) is reported and the projector resumes from the checkpoints stored in the read
   * store, after a pause that doubles up to 30 s: nothing is skipped, and what a failed batch
   * wrote before its checkpoint moved is applied again (projections are idempotent per event).
   */
  private async keepRunning(): Promise<void> {
    const firstPause = this.options.resumeAfterMs ?? RESUME_FIRST_MS;
    let pause = firstPause;
    let progressAtStart = this.applied;
    const { lease } = this.options;
    for (;;) {
      try {
        if (lease !== undefined) {
          await this.followUntilLeading(lease);
          if (this.stopping) break;
          this.checkpoints = await ProjectionCheckpoints.load(this.readStore, this.names);
        }
        this.currentState = 'running';
        progressAtStart = this.applied;
        const heartbeat = lease === undefined ? undefined : this.keepLease(lease);
        try {
          await this.run();
        } finally {
          if (heartbeat !== undefined) clearInterval(heartbeat);
        }
        if (this.stopping) break;
        if (this.deposed) throw new Deposed();
        throw new Error('the subscription to the event log ended');
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof Deposed || this.deposed) {
          this.deposed = false;
          await this.subscription?.unsubscribe().catch(() => undefined);
          continue;
        }
        this.failures++;
        // An error after a stretch of progress is a new trouble, not the same one again: the pauses start short.
        if (this.applied > progressAtStart) pause = firstPause;
        this.currentState = 'resuming';
        this.options.onError?.(error);
        await this.subscription?.unsubscribe().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, RESUME_MAX_MS);
        if (this.stopping) break;
        this.checkpoints = await ProjectionCheckpoints.load(this.readStore, this.names).catch(() => this.checkpoints);
      }
    }
    await lease?.release().catch(() => undefined);
    this.currentState = 'stopped';
  }

  private requireLeader(): void {
    if (this.options.lease !== undefined && !this.isLeader) {
      throw new Error('another instance holds the projector lease of this read store: rebuild there, or stop the other instances first');
    }
  }

  /** Whether this instance applies events (it holds the lease, or needs none). */
  get isLeader(): boolean {
    return this.currentState === 'running' && (this.options.lease === undefined || this.options.lease.heldToken !== undefined);
  }

  /** Renews the lease a third of its ttl apart; once it cannot, the projector stops writing (its next batch is fenced off). */
  private keepLease(lease: ProjectorLease): NodeJS.Timeout {
    let validUntil = Date.now() + lease.options.ttlMs;
    const timer = setInterval(() => {
      lease.acquireOrRenew().then(
        (held) => {
          if (held) validUntil = Date.now() + lease.options.ttlMs;
          else this.depose();
        },
        () => {
          if (Date.now() >= validUntil) this.depose();
        },
      );
    }, lease.options.ttlMs / 3);
    timer.unref();
    return timer;
  }

  private depose(): void {
    if (this.deposed) return;
    this.deposed = true;
    void this.subscription?.unsubscribe().catch(() => undefined);
  }

  /** Before a write: the lease is still this instance's, read from the store now. */
  private async fence(): Promise<void> {
    const { lease } = this.options;
    if (this.deposed || (lease !== undefined && !(await lease.held()))) {
      this.deposed = true;
      throw new Deposed();
    }
  }

  /** Without the lease: follows what the holder applied until this instance takes the lease over. */
  private async followUntilLeading(lease: ProjectorLease): Promise<void> {
    this.currentState = 'following';
    while (!this.stopping) {
      if (await lease.acquireOrRenew().catch(() => false)) return;
      await this.followStoredCheckpoints().catch((error: unknown) => this.options.onError?.(error));
      await new Promise((resolve) => setTimeout(resolve, this.options.followPollMs ?? DEFAULT_FOLLOW_POLL_MS));
    }
  }

  /**
   * What the holder applied, as its stored checkpoints say, told to this instance's waiters and
   * listeners as a projector of its own would tell them: the events come from the log, in order,
   * each once.
   */
  private async followStoredCheckpoints(): Promise<void> {
    const stored = await ProjectionCheckpoints.read(this.readStore, this.names);
    this.checkpoints = stored;
    const included = stored.lowest;
    if (included === undefined) return;
    const since = this.announced;
    if (since === undefined || included > since) {
      let after = since;
      for (;;) {
        const page = await this.events.readAll({ after, maxCount: FOLLOW_PAGE });
        const reached = page.filter((event) => event.position <= included);
        const domainEvents = reached.filter(isDomainEvent);
        this.applied += domainEvents.length;
        if (domainEvents.length > 0) this.emitter.emit('applied', domainEvents.map(toPositionedEvent));
        if (reached.length < FOLLOW_PAGE) break;
        after = reached[reached.length - 1].position;
      }
      this.announced = included;
    }
    this.waiters.reached(included);
  }

  /** Resolves once the read models include every event up to the log's current head. */
  async catchUp(timeoutMs = 600_000): Promise<void> {
    const head = await this.events.headPosition();
    if (head) await this.waitFor(head, timeoutMs);
  }

  /** Resolves once the read models include the event at `position` (read-your-writes). */
  waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    const reached = this.position;
    if (reached !== undefined && reached >= position) return Promise.resolve();
    return this.waiters.wait(position, timeoutMs);
  }

  /** How many callers wait in `waitFor` for a position the read models have not reached. */
  get readersWaiting(): number {
    return this.waiters.count;
  }

  /** Listens to every batch of domain events applied, in log order. */
  onApplied(listener: (events: readonly PositionedEvent[]) => void): () => void {
    this.emitter.on('applied', listener);
    return () => this.emitter.off('applied', listener);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.unsubscribe();
    await this.running;
  }

  private async run(): Promise<void> {
    // In turn with the live batches and rebuilds, so that `whileIdle` waits for the catch-up too.
    await this.serially(() => this.catchUpByPages());
    if (this.stopping) return;
    const from = this.checkpoints.lowest;
    this.subscription = this.events.subscribeAll(from ? { after: from } : {});
    await this.follow(this.subscription);
  }

  /**
   * Reads the stored log in large pages from the lowest checkpoint, each applied as one batch,
   * until a page comes back short: the head is reached. The subscription then starts after the
   * last position applied. Retractions already in the log are known first, so the events they
   * withdraw are skipped; one that withdraws an event the stored read models hold is a
   * targeted correction when it is reached, or, should the projections stand at different
   * checkpoints, makes them all be rebuilt.
   */
  private async catchUpByPages(): Promise<void> {
    // A projection catching up alone (at another checkpoint) cannot be corrected for what it never held: skip up front then.
    const aligned = this.checkpoints.lowest === this.checkpoints.highest;
    this.retracted = this.keepsHistory && aligned ? RetractedEvents.none() : await RetractedEvents.inLog(this.events, { after: this.checkpoints.lowest });
    const applied = await this.appliedTargets();
    if (applied.length > 0 && this.checkpoints.lowest !== this.checkpoints.highest) await this.rebuild(await this.events.headPosition());
    else this.retracted.unknow(applied);
    await this.projectPages({ stopping: () => this.stopping || this.deposed, correct: (retraction) => this.corrector.correct(retraction) });
  }

  /** Applies the stored log from the lowest checkpoint to `upTo` (default: the head), each projection what is after its own. */
  private projectPages(range: {
    upTo?: Position;
    stopping?: () => boolean;
    correct?: (retraction: Retraction) => Promise<void>;
  }): Promise<Position | undefined> {
    return projectLog(this.events, this.readStore, this.projections, this.retracted, {
      after: this.checkpoints.lowest,
      upTo: range.upTo,
      pageSize: this.catchUpBatchSize,
      stopping: range.stopping,
      correct: range.correct,
      checkpointOf: (projection) => this.checkpoints.of(projection.name),
      onPage: (page, position) => this.reached(page, position),
    });
  }

  /** The ids of the events a projection already applied whose retraction, after its checkpoint, it has not. */
  private async appliedTargets(): Promise<string[]> {
    const applied = this.checkpoints.applied();
    if (applied.length === 0) return [];
    const targets: string[] = [];
    for (const retraction of await this.events.readAll({ after: this.checkpoints.lowest, filter: { types: ['EventRetracted'] } })) {
      const target = (await this.events.readStream(retraction.stream)).find((event) => event.id === retraction.data.eventId);
      if (target !== undefined && applied.some((checkpoint) => target.position <= checkpoint && checkpoint < retraction.position)) targets.push(target.id);
    }
    return targets;
  }

  /**
   * Rebuilds every read model from the whole log (after a projection changed, say): built
   * beside the current ones, which keep answering, then swapped in. Call after `start`.
   */
  async rebuildAll(): Promise<void> {
    this.requireLeader();
    await this.catchUp();
    // Between two live batches, so that none is applied to the store being replaced.
    await this.serially(async () => this.rebuild(await this.events.headPosition()));
  }

  /**
   * Rebuilds these projections in place (after a change of their code, say): drops their
   * collections, forgets their checkpoints and catches them up alone to where the others are;
   * the others are not re-applied. A rebuilt projection that reads other read models (`reads`)
   * reads them as they stand. Until it has caught up, `position` does not move. Call after `start`.
   */
  async rebuildProjections(names: readonly string[]): Promise<void> {
    const chosen = names.map((name) => {
      const projection = this.projections.find((candidate) => candidate.name === name);
      if (projection === undefined) throw new Error(`No projection named ${name}; the projections are ${this.names.join(', ')}`);
      return projection;
    });
    this.requireLeader();
    await this.catchUp();
    await this.serially(async () => {
      const upTo = this.checkpoints.highest;
      // Checkpoints first: a crash before the collections are refilled leaves them to catch up at the next start.
      await this.checkpoints.reset(this.readStore, names);
      for (const projection of chosen) {
        for (const collection of projection.collections) await this.readStore.collection(collection).drop();
        await projection.setup(this.readStore);
      }
      if (upTo === undefined) return;
      // From the beginning of the log: every retraction up to where the others are.
      this.retracted = await RetractedEvents.inLog(this.events, { upTo });
      await this.projectPages({ upTo });
    });
  }

  /**
   * Runs `work` between two batches, once the stored log is caught up with: while it runs no
   * batch or rebuild is applied, so the read models and their checkpoints agree (a consistent
   * copy of them is taken here). Keep `work` short: the next batch waits for it.
   */
  whileIdle<T>(work: () => T | Promise<T>): Promise<T> {
    let result: { value: T } | undefined;
    return this.serially(async () => {
      result = { value: await work() };
    }).then(() => result!.value);
  }

  /** Runs `work` after the live batch or rebuild in progress, and before the next. */
  private serially(work: () => Promise<void>): Promise<void> {
    const done = this.exclusive.then(work);
    this.exclusive = done.catch(() => undefined);
    return done;
  }

  /**
   * Rebuilds every read model from the log up to `upTo` in a scratch store while the current
   * ones keep answering, then swaps them in: a retraction withdraws an event from every fact
   * derived from it, which only a fresh fold of the log can do for all projections alike.
   */
  private async rebuild(upTo: Position | undefined): Promise<void> {
    const scratch = await this.readStore.createScratch();
    for (const projection of this.projections) await projection.setup(scratch);
    const rebuilt = ProjectionCheckpoints.none(this.names);
    const history = this.keepsHistory ? scratch.history : undefined;
    // With a past to keep, each page is a mark with its checkpoints, and retractions are corrections when reached.
    const retracted = history !== undefined ? RetractedEvents.none() : await RetractedEvents.inLog(this.events, { upTo });
    const corrector = history !== undefined ? new TargetedCorrection(this.events, scratch, this.projections) : undefined;
    const position =
      upTo === undefined
        ? undefined
        : await projectLog(this.events, scratch, this.projections, retracted, {
            upTo,
            pageSize: this.catchUpBatchSize,
            correct: corrector === undefined ? undefined : (retraction) => corrector.correct(retraction),
            onPage:
              history === undefined
                ? undefined
                : async (_page, reached) => {
                    await rebuilt.advance(scratch, reached);
                    history.mark(reached, this.maxMarks);
                  },
          });
    if (position !== undefined) await rebuilt.advance(scratch, position);
    // A rebuild that outlived its lease is not swapped in: the new holder's read models stay.
    await this.fence();
    await this.readStore.adopt(scratch);
    await scratch.close();
    this.checkpoints = rebuilt;
    this.retracted = retracted;
    this.rebuilds++;
    if (position !== undefined) this.waiters.reached(position);
  }

  /** Applies the subscription's events as they come, in batches of what it already holds. */
  private async follow(subscription: AllSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    for (;;) {
      const first = await (pending ?? iterator.next());
      pending = undefined;
      if (first.done) return;
      const batch = [first.value];
      // Take what the subscription already holds, without waiting for new commits: once it has
      // to wait, the event loop turns and `turned` wins the race.
      const turned = new Promise<typeof IMMEDIATE>((resolve) => setImmediate(() => resolve(IMMEDIATE)));
      while (batch.length < this.batchSize) {
        const next = iterator.next();
        const result = await Promise.race([next, turned]);
        if (result === IMMEDIATE) {
          pending = next;
          break;
        }
        if (result.done) break;
        batch.push(result.value);
      }
      await this.apply(batch);
    }
  }

  /** Applies a batch from the subscription; a retraction of an event already applied is corrected in place first. */
  private apply(batch: readonly RecordedEvent[]): Promise<void> {
    return this.serially(() => this.applyNow(batch));
  }

  private async applyNow(batch: readonly RecordedEvent[]): Promise<void> {
    await this.fence();
    const position = batch[batch.length - 1].position;
    const domainEvents = batch.filter(isDomainEvent).map(toPositionedEvent);
    await this.retracted.apply(domainEvents, this.projections, this.readStore, {
      checkpointOf: (projection) => this.checkpoints.of(projection.name),
      correct: (retraction) => this.corrector.correct(retraction),
    });
    await this.reached(batch, position);
  }

  /**
   * Stores the checkpoints reached and tells waiters and listeners of the batch's events every
   * read model now includes, each event once (a rebuilt projection catching up tells nothing).
   */
  private async reached(batch: readonly RecordedEvent[], position: Position): Promise<void> {
    await this.fence();
    if (!this.logRecorded) {
      await recordCheckpointedLog(this.events, this.readStore);
      this.logRecorded = true;
    }
    await this.checkpoints.advance(this.readStore, position);
    this.markHistory(batch.length);
    const included = this.checkpoints.lowest;
    if (included !== undefined) this.waiters.reached(included);
    const since = this.announced;
    if (included !== undefined && (since === undefined || included > since)) {
      this.announced = included;
      const domainEvents = batch.filter((event) => isDomainEvent(event) && (since === undefined || event.position > since) && event.position <= included);
      this.applied += domainEvents.length;
      if (domainEvents.length > 0) this.emitter.emit('applied', domainEvents.map(toPositionedEvent));
    }
    this.options.onProgress?.(position, this.applied);
  }

  /** Marks the read models' past every `historyEpochEvents` events (and at the first batch), at the highest checkpoint: no read model is beyond it. */
  private markHistory(events: number): void {
    const history = this.readStore.history;
    const at = this.checkpoints.highest;
    if (!this.keepsHistory || history === undefined || at === undefined) return;
    this.sinceMark += events;
    if (this.sinceMark < this.epochEvents && history.markCount > 0) return;
    history.mark(at, this.maxMarks);
    this.sinceMark = 0;
  }

  private get maxMarks(): number {
    return Math.max(this.options.historyMaxMarks ?? DEFAULT_HISTORY_MAX_MARKS, 2);
  }

  private get names(): string[] {
    return this.projections.map((projection) => projection.name);
  }
}
