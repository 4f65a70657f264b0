import type { PositionedEvent } from '../../domain/events';
import type { Position } from '../../eventstore/eventStore';
import type { Collection } from '../../readstore/readStore';
import type { EventIndexDocument } from '../../../projections';
import type { Projector } from '../projector/projector';
import { eventLogQuery, matchesEventLogFilter, type EventLogFilter } from '../eventLog/eventLogFilter';
import { AsyncQueue } from './asyncQueue';

const REPLAY_PAGE = 500;
/** A subscriber this far behind the live stream is cut off; it can resume with `after`. */
const MAX_BUFFERED = 10_000;

export class SlowSubscriberError extends Error {
  constructor(readonly lastPosition: Position | undefined) {
    super(`The subscriber fell more than ${MAX_BUFFERED} events behind; resubscribe with after: "${lastPosition ?? ''}"`);
    this.name = 'SlowSubscriberError';
  }
}

type Listener = (events: readonly EventIndexDocument[]) => void;

/**
 * Streams indexed events to integrators: with `after`, first every matching event after that
 * position (from the event index), then live ones as the projector applies them, in log order,
 * with no gap and no repeat at the seam (live events are buffered during the replay and
 * delivered only when their position is past the last replayed one).
 */
export class SubscriptionHub {
  /** Each live subscriber's listener, with how to end it when the fan-out itself fails. */
  private readonly listeners = new Map<Listener, (error: unknown) => void>();
  private readonly detach: () => void;
  /** Fan-outs run one after another so that batches reach listeners in log order. */
  private fanOutChain: Promise<void> = Promise.resolve();

  constructor(
    private readonly eventIndex: Collection<EventIndexDocument>,
    projector: Projector,
  ) {
    this.detach = projector.onApplied((events) => {
      this.fanOutChain = this.fanOutChain
        .then(() => this.fanOut(events))
        .catch((error: unknown) => {
          for (const fail of this.listeners.values()) fail(error);
        });
    });
  }

  subscribe(filter: EventLogFilter | undefined, after: Position | undefined): AsyncIterableIterator<EventIndexDocument> {
    let last = after;
    let replaying = after !== undefined;
    const held: EventIndexDocument[] = [];
    const listener: Listener = (events) => {
      for (const event of events) {
        if (!matchesEventLogFilter(event, filter)) continue;
        if (replaying) held.push(event);
        else deliver(event);
      }
      if (queue.size + held.length > MAX_BUFFERED) queue.fail(new SlowSubscriberError(last));
    };
    const queue = new AsyncQueue<EventIndexDocument>(() => this.listeners.delete(listener));
    const deliver = (event: EventIndexDocument): void => {
      if (last !== undefined && event._id <= last) return;
      last = event._id;
      queue.push(event);
    };
    this.listeners.set(listener, (error) => queue.fail(error));
    if (after !== undefined) {
      const room = async (): Promise<boolean> => {
        await queue.waitForRoom(REPLAY_PAGE);
        return !queue.isClosed;
      };
      void this.replay(filter, after, deliver, room)
        .then(() => {
          replaying = false;
          held.splice(0).forEach(deliver);
        })
        .catch((error: unknown) => queue.fail(error));
    }
    return queue;
  }

  close(): void {
    this.detach();
    this.listeners.clear();
  }

  private async replay(
    filter: EventLogFilter | undefined,
    after: Position,
    deliver: (event: EventIndexDocument) => void,
    /** Resolves when the subscriber has taken most of the previous page; false once it is gone. */
    room: () => Promise<boolean>,
  ): Promise<void> {
    let cursor = after;
    for (;;) {
      if (!(await room())) return;
      const page = await this.eventIndex.find({ ...eventLogQuery(filter), _id: { $gt: cursor } }, { sort: { _id: 1 }, limit: REPLAY_PAGE });
      page.forEach(deliver);
      if (page.length < REPLAY_PAGE) return;
      cursor = page[page.length - 1]._id;
    }
  }

  private async fanOut(events: readonly PositionedEvent[]): Promise<void> {
    if (this.listeners.size === 0) return;
    const indexed = await this.eventIndex.find({ _id: { $in: events.map((e) => e.position) } }, { sort: { _id: 1 } });
    for (const listener of this.listeners.keys()) listener(indexed);
  }
}
