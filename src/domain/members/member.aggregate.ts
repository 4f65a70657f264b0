import { defineAggregate } from '../aggregate';
import { memberDecider } from './member.decide';
import { memberEventTypes, memberStream, type MemberEvent } from './member.events';

export const memberAggregate = defineAggregate({
  category: 'member',
  eventTypes: memberEventTypes,
  streamId: memberStream,
  idOf: (event: MemberEvent) => event.data.memberId,
  decider: memberDecider,
});
