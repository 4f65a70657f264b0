import { defineAggregate } from '../aggregate';
import { awardDecider } from './award.decide';
import { awardStream, type AwardEvent } from './award.events';

export const awardAggregate = defineAggregate({
  category: 'award',
  eventTypes: { AwardGranted: true, AwardRevoked: true },
  streamId: awardStream,
  idOf: (event: AwardEvent) => event.data.awardId,
  decider: awardDecider,
});
