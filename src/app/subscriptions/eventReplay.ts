import { performance } from 'node:perf_hooks';
import type { Collection } from '../../readstore/readStore';
import type { EventIndexDocument } from '../../../projections';
import { eventLogQuery } from '../eventLog/eventLogFilter';
import { REPLAY_TURN_MS, type ReplayPacer } from './replayPacer';
import type { Subscriber } from './subscriber';
import { SlowSubscriberError } from './subscriptionErrors';

/** Events read from the index at once: large enough that a replay reads the index few times. */
const REPLAY_PAGE = 1000;
/** Events handed to the subscriber at once; the next slice waits until it has taken them. */
const REPLAY_SLICE = 50;

export interface ReplaySource {
  eventIndex: Collection<EventIndexDocument>;
  pacer: ReplayPacer;
  /** How long the subscriber may leave a slice untaken before it is cut off. */
  stallMs: number;
}

/**
 * Replays to the subscriber every matching event after its position, from the event index, then
 * the live events it held meanwhile, and switches it to live. The work is done in turns of the
 * pacer, slice by slice, each slice only once the subscriber took the one before: so the replay
 * yields to the rest of the process, and holds no more than a page and a slice at a time.
 */
export async function replay(subscriber: Subscriber, source: ReplaySource): Promise<void> {
  let page: EventIndexDocument[] = [];
  let next = 0;
  let readToEnd = false;
  for (;;) {
    await source.pacer.turn();
    const turnEnds = performance.now() + REPLAY_TURN_MS;
    do {
      if (subscriber.isEnded) return;
      if (next === page.length) {
        if (!readToEnd || subscriber.mustReadIndexAgain) {
          subscriber.readingIndex();
          page = await readPage(subscriber, source.eventIndex);
          next = 0;
          readToEnd = page.length < REPLAY_PAGE;
          if (page.length > 0) subscriber.indexReadUpTo(page[page.length - 1]._id);
          continue;
        }
        page = subscriber.takeHeld();
        next = 0;
        if (page.length === 0) {
          if (subscriber.goLive()) return;
          continue;
        }
      }
      const sliceEnd = Math.min(next + REPLAY_SLICE, page.length);
      for (; next < sliceEnd; next++) subscriber.deliver(page[next]);
      if (!(await taken(subscriber, source.stallMs))) {
        subscriber.fail(new SlowSubscriberError(subscriber.resumeAfter, `took none of the events handed to it for ${source.stallMs} ms`));
        return;
      }
    } while (performance.now() < turnEnds);
  }
}

function readPage(subscriber: Subscriber, eventIndex: Collection<EventIndexDocument>): Promise<EventIndexDocument[]> {
  const after = subscriber.position;
  const query = { ...eventLogQuery(subscriber.filter), ...(after === undefined ? {} : { _id: { $gt: after } }) };
  return eventIndex.find(query, { sort: { _id: 1 }, limit: REPLAY_PAGE });
}

/** Whether the subscriber took everything queued within `stallMs` (or ended meanwhile). */
async function taken(subscriber: Subscriber, stallMs: number): Promise<boolean> {
  if (subscriber.queue.size === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), stallMs);
  });
  try {
    return await Promise.race([subscriber.queue.waitForRoom(1).then(() => true), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
