import { EventEmitter } from 'node:events';
import type { PositionedEvent } from '../../domain/events';
import type { AllSubscription, EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/shared/projection';
import { isDomainEvent, toPositionedEvent } from '../recordedEvents';
import { PositionWaiters } from './positionWaiters';
import { projectLog } from './projectLog';
import { RetractedEvents } from './retractedEvents';

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
  onError?: (error: unknown) => void;
}

type Checkpoint = { _id: string; position: Position };
const CHECKPOINTS = 'checkpoints';
const CHECKPOINT_ID = 'projector';
const IMMEDIATE = Symbol('immediate');
const DEFAULT_BATCH_SIZE = 2000;
const DEFAULT_CATCH_UP_BATCH_SIZE = 20_000;

/**
 * Keeps the read models up to date: reads `$all` from the stored checkpoint in large pages
 * until it reaches the head, then follows a subscription from there. Events are applied in
 * batches (every projection in order), then the checkpoint is stored. Subscribers (the
 * subscription hub) hear of each applied batch.
 */
export class Projector {
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private checkpoint: Position | undefined;
  private applied = 0;
  private readonly waiters = new PositionWaiters();
  private readonly emitter = new EventEmitter();
  private readonly batchSize: number;
  private readonly catchUpBatchSize: number;
  private stopping = false;
  private retracted = RetractedEvents.none();
  private exclusive: Promise<void> = Promise.resolve();
  private rebuilds = 0;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.catchUpBatchSize = Math.max(options.catchUpBatchSize ?? DEFAULT_CATCH_UP_BATCH_SIZE, 1);
    this.emitter.setMaxListeners(0);
  }

  /** Last position applied to the read models. */
  get position(): Position | undefined {
    return this.checkpoint;
  }

  get eventsApplied(): number {
    return this.applied;
  }

  /** How many times a retraction made the read models be rebuilt since start. */
  get rebuildCount(): number {
    return this.rebuilds;
  }

  async start(): Promise<void> {
    for (const projection of this.projections) await projection.setup(this.readStore);
    const stored = await this.readStore.collection<Checkpoint>(CHECKPOINTS).findOne({ _id: CHECKPOINT_ID });
    this.checkpoint = stored?.position;
    this.running = this.run().catch((error: unknown) => {
      this.waiters.failAll(error);
      this.options.onError?.(error);
    });
  }

  /** Resolves once the read models include every event up to the log's current head. */
  async catchUp(timeoutMs = 600_000): Promise<void> {
    const head = await this.events.headPosition();
    if (head) await this.waitFor(head, timeoutMs);
  }

  /** Resolves once the read models include the event at `position` (read-your-writes). */
  waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    if (this.checkpoint !== undefined && this.checkpoint >= position) return Promise.resolve();
    return this.waiters.wait(position, timeoutMs);
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
    await this.catchUpByPages();
    if (this.stopping) return;
    this.subscription = this.events.subscribeAll(this.checkpoint ? { after: this.checkpoint } : {});
    await this.follow(this.subscription);
  }

  /**
   * Reads the stored log in large pages, each applied as one batch, until a page comes back
   * short: the head is reached. The subscription then starts after the last position applied.
   * Retractions already in the log are known first, so the events they withdraw are skipped;
   * one that withdraws an event the stored read models hold makes them be rebuilt.
   */
  private async catchUpByPages(): Promise<void> {
    this.retracted = await RetractedEvents.inLog(this.events, { after: this.checkpoint });
    if (this.checkpoint !== undefined && (await this.retractsApplied(this.checkpoint))) {
      await this.rebuild(await this.events.headPosition());
    }
    await projectLog(this.events, this.readStore, this.projections, this.retracted, {
      after: this.checkpoint,
      pageSize: this.catchUpBatchSize,
      stopping: () => this.stopping,
      onPage: (page, position) => this.reached(page, position),
    });
  }

  /** Whether a retraction after `checkpoint` withdraws an event at or before it (already applied). */
  private async retractsApplied(checkpoint: Position): Promise<boolean> {
    for (const retraction of await this.events.readAll({ after: checkpoint, filter: { types: ['EventRetracted'] } })) {
      const target = (await this.events.readStream(retraction.stream)).find((event) => event.id === retraction.data.eventId);
      if (target !== undefined && target.position <= checkpoint) return true;
    }
    return false;
  }

  /**
   * Rebuilds every read model from the whole log (after a projection changed, say): built
   * beside the current ones, which keep answering, then swapped in. Call after `start`.
   */
  async rebuildAll(): Promise<void> {
    await this.catchUp();
    // Between two live batches, so that none is applied to the store being replaced.
    await this.serially(async () => this.rebuild(await this.events.headPosition()));
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
    const retracted = await RetractedEvents.inLog(this.events, { upTo });
    const position =
      upTo === undefined ? undefined : await projectLog(this.events, scratch, this.projections, retracted, { upTo, pageSize: this.catchUpBatchSize });
    if (position !== undefined) await storeCheckpoint(scratch, position);
    await this.readStore.adopt(scratch);
    await scratch.close();
    this.checkpoint = position;
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

  /** Applies a batch from the subscription; a retraction of an event already applied rebuilds instead. */
  private apply(batch: readonly RecordedEvent[]): Promise<void> {
    return this.serially(() => this.applyNow(batch));
  }

  private async applyNow(batch: readonly RecordedEvent[]): Promise<void> {
    const position = batch[batch.length - 1].position;
    const domainEvents = batch.filter(isDomainEvent).map(toPositionedEvent);
    if (this.retracted.needsRebuild(domainEvents)) await this.rebuild(position);
    else await this.retracted.apply(domainEvents, this.projections, this.readStore);
    await this.reached(batch, position);
  }

  /** Stores the checkpoint reached and tells waiters and listeners. */
  private async reached(batch: readonly RecordedEvent[], position: Position): Promise<void> {
    await storeCheckpoint(this.readStore, position);
    this.checkpoint = position;
    const domainEvents = batch.filter(isDomainEvent).map(toPositionedEvent);
    this.applied += domainEvents.length;
    this.waiters.reached(position);
    if (domainEvents.length > 0) this.emitter.emit('applied', domainEvents);
    this.options.onProgress?.(position, this.applied);
  }
}

async function storeCheckpoint(store: ReadStore, position: Position): Promise<void> {
  await store.collection<Checkpoint>(CHECKPOINTS).updateOne({ _id: CHECKPOINT_ID }, { $set: { position } }, { upsert: true });
}
