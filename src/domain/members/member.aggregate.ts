import { defineAggregate } from '../aggregate';
import { memberDecider } from './member.decide';
import { memberStream, type MemberEvent } from './member.events';

export const memberAggregate = defineAggregate({
  category: 'member',
  eventTypes: {
    MemberRegistered: true,
    MemberStageAdvanced: true,
    MemberLeft: true,
    TransferRequested: true,
    TransferAccepted: true,
    TransferRejected: true,
    TransferExpired: true,
    MemberGroupAssigned: true,
  },
  streamId: memberStream,
  idOf: (event: MemberEvent) => event.data.memberId,
  decider: memberDecider,
});
