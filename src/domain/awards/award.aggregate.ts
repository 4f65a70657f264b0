import { defineAggregate } from '../aggregate';
import { awardDecider } from './award.decide';
import { awardEventTypes, awardStream, type AwardEvent } from './award.events';

export const awardAggregate = defineAggregate({
  category: 'award',
  eventTypes: awardEventTypes,
  streamId: awardStream,
  idOf: (event: AwardEvent) => event.data.awardId,
  decider: awardDecider,
});
