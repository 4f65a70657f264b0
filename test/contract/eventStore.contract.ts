import type { EventStore } from '../../src/eventstore/eventStore';
import { describeAppendContract } from './eventStore.append.contract';
import { describeReadContract } from './eventStore.read.contract';
import { describeSubscriptionContract } from './eventStore.subscribe.contract';
import type { OpenEventStore } from './eventStoreKit';

/** Gives each test a store from `open` and closes it afterwards. */
export interface StoreFixture {
  store(): EventStore;
}

/**
 * The EventStore semantics (EventStoreDB's) that every adapter must show. Tests use streams of
 * a fresh category each, so they also hold on a shared server that holds other data.
 */
export function describeEventStoreContract(name: string, open: OpenEventStore): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStore | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const fixture: StoreFixture = {
      store: () => {
        if (!current) throw new Error('no store open');
        return current;
      },
    };

    describeAppendContract(fixture);
    describeReadContract(fixture);
    describeSubscriptionContract(fixture);
  });
}
