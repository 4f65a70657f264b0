import { EventStoreDbEventStore } from '../../src/eventstore/eventstoredb/eventStoreDbEventStore';
import { describeEventStoreContract } from './eventStore.contract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDbEventStore', async () => EventStoreDbEventStore.connect(url));
} else {
  console.log('EventStoreDB contract tests skipped: EVENTSTORE_URL is not set');
  describe.skip('EventStore contract: EventStoreDbEventStore (EVENTSTORE_URL is not set)', () => {
    it.skip('runs against EventStoreDB when EVENTSTORE_URL is set', () => undefined);
  });
}
