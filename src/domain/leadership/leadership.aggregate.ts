import { defineAggregate } from '../aggregate';
import { leadershipDecider } from './leadership.decide';
import { leadershipEventTypes, leadershipStream, type LeadershipEvent } from './leadership.events';

export const leadershipAggregate = defineAggregate({
  category: 'leadership',
  eventTypes: leadershipEventTypes,
  streamId: leadershipStream,
  idOf: (event: LeadershipEvent) => event.data.unitId,
  decider: leadershipDecider,
});
