import { defineAggregate } from '../aggregate';
import { duesDecider } from './dues.decide';
import { duesEventTypes, duesStream, type DuesEvent } from './dues.events';

export const duesAggregate = defineAggregate({
  category: 'dues',
  eventTypes: duesEventTypes,
  streamId: duesStream,
  idOf: (event: DuesEvent) => event.data.memberId,
  decider: duesDecider,
});
