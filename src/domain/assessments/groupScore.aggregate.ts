import { defineAggregate } from '../aggregate';
import { groupScoreDecider } from './groupScore.decide';
import { groupScoreEventTypes, groupScoreStream, type GroupScoreEvent } from './groupScore.events';

export const groupScoreAggregate = defineAggregate({
  category: 'groupscore',
  eventTypes: groupScoreEventTypes,
  streamId: groupScoreStream,
  idOf: (event: GroupScoreEvent) => event.data.groupId,
  decider: groupScoreDecider,
});
