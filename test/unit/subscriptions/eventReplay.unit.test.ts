import { replay } from '../../../src/app/subscriptions/eventReplay';
import { ReplayPacer } from '../../../src/app/subscriptions/replayPacer';
import { Subscriber } from '../../../src/app/subscriptions/subscriber';
import { encodePosition } from '../../../src/eventstore/position';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { Collection } from '../../../src/readstore/readStore';
import { EVENT_INDEX, type EventIndexDocument } from '../../../projections';

function indexed(sequence: number): EventIndexDocument {
  return {
    _id: encodePosition(BigInt(sequence)),
    eventId: `event-${sequence}`,
    type: 'UnitRenamed',
    stream: 'unit-1',
    category: 'unit',
    effectiveDate: '2020-01-01',
    recordedAt: '2020-01-01T00:00:00.000Z',
    data: { sequence },
    memberIds: [],
    unitIds: ['unit-1'],
    subjectUnitIds: ['unit-1'],
  };
}

/** The projector's part: an event is in the index before subscribers hear of it. */
async function record(index: Collection<EventIndexDocument>, subscriber: Subscriber, from: number, count: number): Promise<number> {
  const events = Array.from({ length: count }, (_, offset) => indexed(from + offset));
  for (const event of events) await index.insertOne(event);
  subscriber.hear(events);
  return from + count;
}

/** The sequence number of the next event taken; fails instead of waiting for one that will not come. */
async function sequenceOf(taken: Promise<IteratorResult<EventIndexDocument>>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const missing = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no further event came: one was lost')), 2000);
  });
  const result = await Promise.race([taken, missing]).finally(() => clearTimeout(timer));
  if (result.done) throw new Error('the subscription ended');
  return result.value.data.sequence as number;
}

describe('replay: from the event index, then the live events heard meanwhile, then live', () => {
  let store: EmbeddedReadStore;
  let index: Collection<EventIndexDocument>;
  const subscribers: Subscriber[] = [];
  const replaying = (after: bigint, maxBuffered: number): { subscriber: Subscriber; done: Promise<void> } => {
    const subscriber = new Subscriber(undefined, encodePosition(after), maxBuffered, () => undefined);
    subscribers.push(subscriber);
    subscriber.startReplay();
    return { subscriber, done: replay(subscriber, { eventIndex: index, pacer: new ReplayPacer(), stallMs: 10_000 }) };
  };

  beforeEach(async () => {
    store = new EmbeddedReadStore();
    index = store.collection<EventIndexDocument>(EVENT_INDEX);
    for (let sequence = 1; sequence <= 2500; sequence++) await index.insertOne(indexed(sequence));
  });
  afterEach(async () => {
    // A failed test must not leave a replay running.
    for (const subscriber of subscribers.splice(0)) subscriber.close();
    await store.close();
  });

  it('delivers every event once, in order, when live events arrive faster than it may hold them', async () => {
    // Held events past the bound are dropped and read again from the index: no gap, and memory stays bounded.
    const { subscriber, done } = replaying(0n, 10);
    let next = 2501;
    const received: number[] = [];
    // Recorded while it replays the middle of the log, and again once it has read the index to the end.
    const recordAt = new Set([100, 1500, 2100, 2200, 2300]);
    while (received.length < next - 1 || subscriber.phase !== 'live') {
      received.push(await sequenceOf(subscriber.queue.next()));
      if (recordAt.has(received.length)) next = await record(index, subscriber, next, 25);
    }
    await done;
    expect(received).toEqual(Array.from({ length: next - 1 }, (_, offset) => offset + 1));
  });

  it('goes live without a gap or repeat at the seam: events heard during the replay come after it, once', async () => {
    const { subscriber, done } = replaying(2000n, 1000);
    const received: number[] = [];
    let next = 2501;
    while (received.length < 505) {
      received.push(await sequenceOf(subscriber.queue.next()));
      if (received.length === 1) next = await record(index, subscriber, next, 5);
    }
    await done;
    expect(subscriber.phase).toBe('live');
    expect(received).toEqual(Array.from({ length: 505 }, (_, offset) => 2001 + offset));
    next = await record(index, subscriber, next, 1);
    expect(await sequenceOf(subscriber.queue.next())).toBe(next - 1);
    expect(subscriber.queue.size).toBe(0);
  });
});
