import { EventEmitter } from 'node:events';
import type { PositionedEvent } from '../../domain/events';
import type { AllSubscription, EventStore, Position, RecordedEvent } from '../../eventstore/eventStore';
import type { ReadStore } from '../../readstore/readStore';
import type { Projection } from '../../../projections/projection';
import { isDomainEvent, toPositionedEvent } from '../recordedEvents';
import { PositionWaiters } from './positionWaiters';

export interface ProjectorOptions {
  /** Largest batch applied at once; default 2,000. */
  batchSize?: number;
  /** Called after each batch with the checkpoint reached. */
  onProgress?: (position: Position, eventsApplied: number) => void;
  onError?: (error: unknown) => void;
}

type Checkpoint = { _id: string; position: Position };
const CHECKPOINTS = 'checkpoints';
const CHECKPOINT_ID = 'projector';
const IMMEDIATE = Symbol('immediate');

/**
 * Keeps the read models up to date: a catch-up subscription to `$all` from the stored
 * checkpoint, applied in batches (every projection in order), then the checkpoint is stored.
 * Subscribers (the subscription hub) hear of each applied batch.
 */
export class Projector {
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private checkpoint: Position | undefined;
  private applied = 0;
  private readonly waiters = new PositionWaiters();
  private readonly emitter = new EventEmitter();
  private readonly batchSize: number;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.emitter.setMaxListeners(0);
  }

  /** Last position applied to the read models. */
  get position(): Position | undefined {
    return this.checkpoint;
  }

  get eventsApplied(): number {
    return this.applied;
  }

  async start(): Promise<void> {
    for (const projection of this.projections) await projection.setup(this.readStore);
    const stored = await this.readStore.collection<Checkpoint>(CHECKPOINTS).findOne({ _id: CHECKPOINT_ID });
    this.checkpoint = stored?.position;
    this.subscription = this.events.subscribeAll(this.checkpoint ? { after: this.checkpoint } : {});
    this.running = this.run(this.subscription).catch((error: unknown) => {
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
    await this.subscription?.unsubscribe();
    await this.running;
  }

  private async run(subscription: AllSubscription): Promise<void> {
    const iterator = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    for (;;) {
      const first = await (pending ?? iterator.next());
      pending = undefined;
      if (first.done) return;
      const batch = [first.value];
      // Take what the subscription already holds, without waiting for new commits.
      while (batch.length < this.batchSize) {
        const next = iterator.next();
        const result = await Promise.race([next, new Promise<typeof IMMEDIATE>((resolve) => setImmediate(() => resolve(IMMEDIATE)))]);
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

  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const domainEvents = batch.filter(isDomainEvent).map(toPositionedEvent);
    if (domainEvents.length > 0) {
      for (const projection of this.projections) await projection.apply(domainEvents, this.readStore);
    }
    const position = batch[batch.length - 1]!.position;
    await this.readStore
      .collection<Checkpoint>(CHECKPOINTS)
      .updateOne({ _id: CHECKPOINT_ID }, { $set: { position } }, { upsert: true });
    this.checkpoint = position;
    this.applied += domainEvents.length;
    this.waiters.reached(position);
    if (domainEvents.length > 0) this.emitter.emit('applied', domainEvents);
    this.options.onProgress?.(position, this.applied);
  }
}
