import type { PositionedEvent } from '../../src/domain/events';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { SubjectFacts, SubjectRule, SubjectRules } from '../shared/subjectRule';

/**
 * A member event is about the member, their branch and group on the effective date, and every
 * unit it names: both sides of a transfer or of a group reassignment.
 */
const aboutTheMember: SubjectRule<PositionedEvent<MemberEvent>> = {
  subjects: (event, facts) => {
    const { memberId } = event.data;
    const place = facts.placeOn(memberId, event.effectiveDate);
    const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
    return { memberIds: [memberId], unitIds: present([...placeIds, ...unitsNamedBy(event, facts)]) };
  },
  placesOf: (event) => [event.data.memberId],
};

export const memberSubjectRules = {
  MemberRegistered: aboutTheMember,
  MemberStageAdvanced: aboutTheMember,
  MemberGroupAssigned: aboutTheMember,
  TransferRequested: aboutTheMember,
  TransferAccepted: aboutTheMember,
  TransferRejected: aboutTheMember,
  TransferExpired: aboutTheMember,
  MemberLeft: aboutTheMember,
  MemberDetailsCorrected: aboutTheMember,
} satisfies SubjectRules<MemberEvent['type']>;

function unitsNamedBy(event: PositionedEvent<MemberEvent>, facts: SubjectFacts): (string | null)[] {
  switch (event.type) {
    case 'MemberRegistered':
      return [event.data.branchId, event.data.groupId];
    case 'MemberLeft':
      return [event.data.branchId];
    case 'TransferRequested':
      return [event.data.fromBranchId, event.data.toBranchId];
    case 'TransferAccepted':
      return [event.data.fromBranchId, event.data.fromGroupId, event.data.toBranchId];
    case 'TransferRejected':
    case 'TransferExpired': {
      const transfer = facts.transfer(event.data.transferId);
      return transfer === undefined ? [] : [transfer.fromBranchId, transfer.toBranchId];
    }
    case 'MemberGroupAssigned':
      return [event.data.branchId, event.data.previousGroupId, event.data.groupId];
    case 'MemberStageAdvanced':
    case 'MemberDetailsCorrected':
      return [];
    default:
      return assertNever(event);
  }
}

function present(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
