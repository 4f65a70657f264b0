import { defineAggregate } from '../aggregate';
import { leadershipDecider } from './leadership.decide';
import { leadershipStream, type LeadershipEvent } from './leadership.events';

export const leadershipAggregate = defineAggregate({
  category: 'leadership',
  eventTypes: { ElectionHeld: true, OfficerResigned: true, OfficerRemoved: true },
  streamId: leadershipStream,
  idOf: (event: LeadershipEvent) => event.data.unitId,
  decider: leadershipDecider,
});
