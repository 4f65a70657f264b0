import type { AllSubscription, RecordedEvent, SubscribeAllOptions } from '../../src/eventstore/eventStore';
import type { StoreFixture } from './eventStore.contract';
import { WAIT_MS, expectNoMoreWithin, ids, newEvent, newEvents, take, uniqueCategory, withTimeout } from './eventStoreKit';

/** How long a test waits to be sure that nothing more arrives. */
const QUIET_MS = 300;

export function describeSubscriptionContract({ store }: StoreFixture): void {
  describe('subscribeAll', () => {
    let subscriptions: AllSubscription[] = [];
    let category: string;

    beforeEach(() => {
      category = uniqueCategory();
    });
    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.unsubscribe()));
      subscriptions = [];
    });

    function subscribe(options: SubscribeAllOptions = {}): AsyncIterator<RecordedEvent> {
      const subscription = store().subscribeAll({ filter: { categories: [category] }, ...options });
      subscriptions.push(subscription);
      return subscription[Symbol.asyncIterator]();
    }

    it('catches up from the start, then delivers live events, in log order', async () => {
      const stored = newEvents(3);
      await store().append(`${category}-1`, stored, 'no_stream');
      const events = subscribe();
      expect(ids(await take(events, 3))).toEqual(ids(stored));
      const live = newEvents(2);
      await store().append(`${category}-2`, live, 'no_stream');
      const delivered = await take(events, 2);
      expect(ids(delivered)).toEqual(ids(live));
      expect((delivered[0]?.position ?? '') < (delivered[1]?.position ?? '')).toBe(true);
    });

    it('starts strictly after the given position', async () => {
      await store().append(`${category}-1`, newEvents(5), 'no_stream');
      const stored = await store().readStream(`${category}-1`);
      const events = subscribe({ after: stored[1]?.position });
      expect(ids(await take(events, 3))).toEqual(ids(stored.slice(2)));
      await expectNoMoreWithin(events, QUIET_MS);
    });

    it('delivers an event appended while the subscriber waits at the head', async () => {
      const events = subscribe({ after: await store().headPosition() });
      const pending = events.next();
      const event = newEvent();
      await store().append(`${category}-1`, [event], 'no_stream');
      const result = await withTimeout(pending, WAIT_MS, 'the live event');
      expect(result.done ? undefined : result.value.id).toBe(event.id);
    });

    it('delivers events appended during catch-up exactly once, in order (no gap or duplicate at the seam)', async () => {
      for (let batch = 0; batch < 11; batch += 1) {
        await store().append(`${category}-${batch}`, newEvents(100), 'no_stream');
      }
      const events = subscribe();
      const delivered: RecordedEvent[] = [];
      for (let step = 0; step < 11; step += 1) {
        delivered.push(...(await take(events, 100)));
        await store().append(`${category}-seam`, [newEvent('Seam', { step })], 'any');
      }
      await store().append(`${category}-seam`, [newEvent('Seam', { step: 'live' })], 'any');
      const expected = await store().readAll({ filter: { categories: [category] } });
      expect(expected).toHaveLength(1100 + 12);
      delivered.push(...(await take(events, expected.length - delivered.length)));
      expect(ids(delivered)).toEqual(ids(expected));
      await expectNoMoreWithin(events, QUIET_MS);
    });

    it('filters by category and by type; all given criteria must hold', async () => {
      const other = uniqueCategory();
      const type = `Moved${category}`;
      await store().append(`${category}-1`, [newEvent(type), newEvent('Stayed'), newEvent(type)], 'no_stream');
      await store().append(`${other}-1`, [newEvent(type), newEvent('Stayed')], 'no_stream');
      const byCategory = subscribe();
      const byTypeInBoth = subscribe({ filter: { categories: [category, other], types: [type] } });
      const expectedByCategory = await store().readAll({ filter: { categories: [category] } });
      const expectedByType = await store().readAll({ filter: { categories: [category, other], types: [type] } });
      expect(expectedByCategory).toHaveLength(3);
      expect(expectedByType).toHaveLength(3);
      expect(ids(await take(byCategory, 3))).toEqual(ids(expectedByCategory));
      expect(ids(await take(byTypeInBoth, 3))).toEqual(ids(expectedByType));
      await store().append(`${other}-2`, [newEvent('Stayed')], 'no_stream');
      await expectNoMoreWithin(byCategory, QUIET_MS);
      await expectNoMoreWithin(byTypeInBoth, QUIET_MS);
    });

    it('unsubscribe ends the iteration, including a pending next()', async () => {
      await store().append(`${category}-1`, [newEvent()], 'no_stream');
      const subscription = store().subscribeAll({ filter: { categories: [category] } });
      subscriptions.push(subscription);
      const seen: RecordedEvent[] = [];
      let firstSeen: () => void = () => undefined;
      const first = new Promise<void>((resolve) => {
        firstSeen = resolve;
      });
      const loop = (async () => {
        for await (const event of subscription) {
          seen.push(event);
          firstSeen();
        }
      })();
      await withTimeout(first, WAIT_MS, 'the first event');
      await subscription.unsubscribe();
      await withTimeout(loop, WAIT_MS, 'the for-await loop to end');
      expect(seen).toHaveLength(1);
      await store().append(`${category}-1`, [newEvent()], 0);
      await subscription.unsubscribe();
    });

    it('a next() pending at the head resolves done when unsubscribed', async () => {
      const subscription = store().subscribeAll({ filter: { categories: [category] } });
      subscriptions.push(subscription);
      const { pending } = await expectNoMoreWithin(subscription[Symbol.asyncIterator](), QUIET_MS);
      await subscription.unsubscribe();
      await expect(withTimeout(pending, WAIT_MS, 'the pending next()')).resolves.toEqual({ done: true, value: undefined });
    });
  });
}
