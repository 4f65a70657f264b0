import type { PositionedEvent } from '../../domain/events';
import type { Position } from '../../eventstore/eventStore';
import type { Collection } from '../../readstore/readStore';
import type { EventIndexDocument } from '../../../projections';
import type { Projector } from '../projector/projector';
import type { EventLogFilter } from '../eventLog/eventLogFilter';
import { replay } from './eventReplay';
import { ReplayAdmission } from './replayAdmission';
import { ReplayPacer } from './replayPacer';
import { Subscriber } from './subscriber';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './subscriptionLimits';

export interface SubscribeRequest {
  filter?: EventLogFilter;
  /** Replay every matching event after this position first; without it, live events only. */
  after?: Position;
  /**
   * Whose subscription this is, for the per-caller cap on replays: opaque to the hub (the
   * caller's token id once requests are authenticated); default `anonymous`.
   */
  callerKey?: string;
}

/** How many subscribers the hub serves, by phase. */
export interface SubscriberCounts {
  /** Replays waiting for a slot. */
  waiting: number;
  replaying: number;
  live: number;
}

export const ANONYMOUS_CALLER = 'anonymous';

/**
 * Streams indexed events to integrators: with `after`, first every matching event after that
 * position (from the event index), then live ones as the projector applies them, in log order,
 * with no gap and no repeat at the seam (see `Subscriber`). Replays are capped per process and
 * per caller (`ReplayAdmission`) and take turns with the rest of the process (`ReplayPacer`); a
 * subscriber that does not take what it is given is cut off (`SlowSubscriberError`).
 */
export class SubscriptionHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly detach: () => void;
  private readonly admission: ReplayAdmission;
  private readonly pacer = new ReplayPacer();
  /** Fan-outs run one after another so that batches reach subscribers in log order. */
  private fanOutChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly eventIndex: Collection<EventIndexDocument>,
    private readonly projector: Projector,
    private readonly limits: SubscriptionLimits = DEFAULT_SUBSCRIPTION_LIMITS,
  ) {
    this.admission = new ReplayAdmission(limits);
    this.detach = this.projector.onApplied((events) => {
      this.fanOutChain = this.fanOutChain
        .then(() => this.fanOut(events))
        .catch((error: unknown) => {
          for (const subscriber of this.subscribers) subscriber.fail(error);
        });
    });
  }

  /** Throws `TooManyReplaysError` when the caller has as many replays waiting as it may. */
  subscribe({ filter, after, callerKey = ANONYMOUS_CALLER }: SubscribeRequest): AsyncIterableIterator<EventIndexDocument> {
    if (after === undefined) {
      const liveSince = this.projector.position;
      const subscriber = new Subscriber(filter, undefined, this.limits.maxBufferedEvents, () => this.subscribers.delete(subscriber), liveSince);
      this.subscribers.add(subscriber);
      return subscriber.queue;
    }
    const slot = this.admission.request(callerKey);
    const subscriber = new Subscriber(filter, after, this.limits.maxBufferedEvents, () => {
      this.subscribers.delete(subscriber);
      slot.release();
    });
    this.subscribers.add(subscriber);
    void slot.admitted
      .then(() => {
        // Listening before the first page is read: what is applied meanwhile is in the index or heard.
        subscriber.startReplay();
        return replay(subscriber, { eventIndex: this.eventIndex, pacer: this.pacer, stallMs: this.limits.replayStallMs });
      })
      .catch((error: unknown) => subscriber.fail(error))
      .finally(() => slot.release());
    return subscriber.queue;
  }

  get counts(): SubscriberCounts {
    const counts: SubscriberCounts = { waiting: 0, replaying: 0, live: 0 };
    for (const subscriber of this.subscribers) counts[subscriber.phase]++;
    return counts;
  }

  /** Ends every subscription after what it was handed. */
  close(): void {
    this.detach();
    this.pacer.stop();
    for (const subscriber of [...this.subscribers]) subscriber.close();
  }

  private async fanOut(events: readonly PositionedEvent[]): Promise<void> {
    if (this.subscribers.size === 0) return;
    const indexed = await this.eventIndex.find({ _id: { $in: events.map((e) => e.position) } }, { sort: { _id: 1 } });
    for (const subscriber of [...this.subscribers]) subscriber.hear(indexed);
  }
}
