import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { MEMBERS, type MemberDocument } from './members.documents';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import { defineProjection } from '../shared/defineProjection';
import { whereIn } from '../shared/correctionScope';

/** `members`: each member as they stand now. */
export const membersProjection = defineProjection({
  name: 'members',
  handles: memberAggregate.eventTypes,
  collection: MEMBERS,
  indexes: [{ branchId: 1 }, { groupId: 1 }, { status: 1 }],
  documentIds: (event) => [event.data.memberId],
  forgets: (scope) => whereIn('_id', scope.idsIn('member')),
  evolve: (member: MemberDocument | undefined, event) => {
    const next = evolveMember(member, event);
    return next === undefined ? undefined : { ...next, recordedAt: event.recordedAt, position: event.position, version: event.revision };
  },
});

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
    case 'MemberDetailsCorrected':
      return { ...member, name: event.data.name, joinedOn: event.data.joinedOn };
    default:
      return assertNever(event);
  }
}

function withoutTransfer(member: MemberDocument, transferId: string): MemberDocument {
  return member.openTransfer?.transferId === transferId ? { ...member, openTransfer: null } : member;
}
