import type { Position } from '../../eventstore/eventStore';
import type { EventIndexDocument } from '../../../projections';
import { matchesEventLogFilter, type EventLogFilter } from '../eventLog/eventLogFilter';
import { AsyncQueue } from './asyncQueue';
import { SlowSubscriberError } from './subscriptionErrors';

/**
 * One `orgEvents` subscription: the events handed to it and not yet taken (its queue), the
 * position it has reached, and, while it replays, the live events it heard. Those are held until
 * the replay has read the index past them, then delivered before it goes live: no gap, and
 * (events at or before its position are skipped) no repeat at the seam.
 */
export class Subscriber {
  readonly queue: AsyncQueue<EventIndexDocument>;
  private state: 'waiting' | 'replaying' | 'live';
  private last: Position | undefined;
  /** The last position the subscriber took: it resumes after it, as everything up to it reached it. */
  private taken: Position | undefined;
  private held: EventIndexDocument[] = [];
  /** Held events were dropped (too many): the replay must read the index again before it may go live. */
  private heldDropped = false;
  private ended = false;

  constructor(
    readonly filter: EventLogFilter | undefined,
    after: Position | undefined,
    private readonly maxBuffered: number,
    private readonly onEnd: () => void,
    /** For a live subscription: the position the read models were at when it began. */
    liveSince?: Position,
  ) {
    this.last = after;
    this.taken = after ?? liveSince;
    this.state = after === undefined ? 'live' : 'waiting';
    this.queue = new AsyncQueue<EventIndexDocument>(
      () => this.end(),
      (event) => {
        this.taken = event._id;
      },
    );
  }

  /** The last position handed to the subscriber (or its `after`). */
  get position(): Position | undefined {
    return this.last;
  }

  /** Where to resume without missing anything: the last position taken (events queued beyond it are dropped when it is cut off). */
  get resumeAfter(): Position | undefined {
    return this.taken;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get phase(): 'waiting' | 'replaying' | 'live' {
    return this.state;
  }

  /** Admitted to replay: from now on it listens, holding what it hears. */
  startReplay(): void {
    if (this.state === 'waiting') this.state = 'replaying';
  }

  /** Live events, in log order, as the projector applied them. */
  hear(events: readonly EventIndexDocument[]): void {
    if (this.ended || this.state === 'waiting') return;
    if (this.state === 'replaying') {
      this.hold(events);
      return;
    }
    // Checked before this batch: one large batch alone does not make a subscriber slow.
    if (this.queue.size > this.maxBuffered) {
      this.fail(new SlowSubscriberError(this.taken, `left more than ${this.maxBuffered} events untaken`));
      return;
    }
    for (const event of events) if (matchesEventLogFilter(event, this.filter)) this.deliver(event);
  }

  /** Hands an event to the subscriber unless it has it already. */
  deliver(event: EventIndexDocument): void {
    if (this.last !== undefined && event._id <= this.last) return;
    this.last = event._id;
    this.queue.push(event);
  }

  /** The replay is about to read the index: what is dropped from now on, it must read again. */
  readingIndex(): void {
    this.heldDropped = false;
  }

  /** The replay read the index up to `position`: held events up to it come from there. */
  indexReadUpTo(position: Position): void {
    if (this.held.length > 0 && this.held[0]._id <= position) this.held = this.held.filter((event) => event._id > position);
  }

  /** True when held events were dropped since the replay last began to read the index. */
  get mustReadIndexAgain(): boolean {
    return this.heldDropped;
  }

  /** The held events, for the replay to deliver; holding starts afresh. */
  takeHeld(): EventIndexDocument[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  /** Switches to live if nothing is held and nothing was dropped; in the same turn, so no event falls between. */
  goLive(): boolean {
    if (this.held.length > 0 || this.heldDropped) return false;
    this.state = 'live';
    return true;
  }

  fail(error: unknown): void {
    this.queue.fail(error);
    this.end();
  }

  /** Ends the iteration after what is queued (the hub is closing). */
  close(): void {
    this.queue.close();
    this.end();
  }

  private hold(events: readonly EventIndexDocument[]): void {
    for (const event of events) {
      if (matchesEventLogFilter(event, this.filter) && (this.last === undefined || event._id > this.last)) this.held.push(event);
    }
    // The index has every event heard, so they can be dropped and read from there; memory stays bounded.
    if (this.held.length > this.maxBuffered) {
      this.held = [];
      this.heldDropped = true;
    }
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.held = [];
    this.onEnd();
  }
}
