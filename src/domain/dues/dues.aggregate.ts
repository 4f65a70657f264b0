import { defineAggregate } from '../aggregate';
import { duesDecider } from './dues.decide';
import { duesStream, type DuesEvent } from './dues.events';

export const duesAggregate = defineAggregate({
  category: 'dues',
  eventTypes: { DuesBaseSet: true, DuesPaid: true },
  streamId: duesStream,
  idOf: (event: DuesEvent) => event.data.memberId,
  decider: duesDecider,
});
