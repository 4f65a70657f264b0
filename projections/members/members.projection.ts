import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { MEMBERS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import type { MemberDocument } from './members.documents';
import type { Projection } from '../shared/projection';

const isMemberEvent = eventsOf(memberAggregate);

/** `members`: each member as they stand now. */
export const membersProjection: Projection = {
  name: 'members',
  collections: [MEMBERS],

  async setup(store) {
    const members = store.collection<MemberDocument>(MEMBERS);
    for (const field of ['branchId', 'groupId', 'status']) await members.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const memberEvents = events.filter(isMemberEvent);
    if (memberEvents.length === 0) return;
    const members = new DocumentCache(store.collection<MemberDocument>(MEMBERS));
    await members.load(memberEvents.map((event) => event.data.memberId));
    for (const event of memberEvents) {
      const member = members.get(event.data.memberId);
      if (alreadyApplied(member, event)) continue;
      const next = evolveMember(member, event);
      if (next !== undefined) members.put({ ...next, recordedAt: event.recordedAt, position: event.position, version: event.revision });
    }
    await members.flush();
  },
};

/** The member after `event`; undefined when there is no member to change. */
export function evolveMember(member: MemberDocument | undefined, event: PositionedEvent<MemberEvent>): MemberDocument | undefined {
  const on = event.effectiveDate;
  if (event.type === 'MemberRegistered') {
    const { memberId, name, branchId, groupId, status, joinedOn } = event.data;
    return {
      _id: memberId,
      name,
      status,
      joinedOn,
      registeredOn: on,
      branchId,
      groupId,
      leftOn: null,
      leaveReason: null,
      openTransfer: null,
      recordedAt: event.recordedAt,
      position: event.position,
      version: event.revision,
    };
  }
  if (member === undefined) return undefined;
  switch (event.type) {
    case 'MemberStageAdvanced':
      // `joinedOn` is absent from events recorded before advances could set it.
      return { ...member, status: event.data.to, joinedOn: event.data.joinedOn ?? member.joinedOn };
    case 'MemberLeft':
      return { ...member, status: 'LEFT', branchId: null, groupId: null, leftOn: on, leaveReason: event.data.reason, openTransfer: null };
    case 'TransferRequested': {
      const { transferId, toBranchId, expiresOn } = event.data;
      return { ...member, openTransfer: { transferId, toBranchId, requestedOn: on, expiresOn } };
    }
    case 'TransferAccepted':
      return { ...withoutTransfer(member, event.data.transferId), branchId: event.data.toBranchId, groupId: null };
    case 'TransferRejected':
    case 'TransferExpired':
      return withoutTransfer(member, event.data.transferId);
    case 'MemberGroupAssigned':
      return { ...member, groupId: event.data.groupId };
    default:
      return assertNever(event);
  }
}

function withoutTransfer(member: MemberDocument, transferId: string): MemberDocument {
  return member.openTransfer?.transferId === transferId ? { ...member, openTransfer: null } : member;
}
