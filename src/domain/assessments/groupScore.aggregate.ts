import { defineAggregate } from '../aggregate';
import { groupScoreDecider } from './groupScore.decide';
import { groupScoreStream, type GroupScoreEvent } from './groupScore.events';

export const groupScoreAggregate = defineAggregate({
  category: 'groupscore',
  eventTypes: { GroupScored: true },
  streamId: groupScoreStream,
  idOf: (event: GroupScoreEvent) => event.data.groupId,
  decider: groupScoreDecider,
});
