import { type PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { appraisalSubjects, groupScoreSubjects } from '../assessments';
import { awardMemberIds, awardSubjects } from '../awards';
import { duesSubjects } from '../dues';
import { leadershipMemberIds, leadershipSubjects } from '../leadership';
import { meetingSubjects } from '../meetings';
import { pairingMemberIds, pairingSubjects } from '../pairings';

/** Who and what an event is about, before the units' ancestors are added. */
export type EventSubjects = { memberIds: string[]; unitIds: string[] };

/** What the other read models know that an event's own data does not say. */
export interface SubjectFacts {
  /** Where the member belonged on `date` (their last membership that started by then). */
  placeOn(memberId: string, date: string): { branchId: string; groupId: string | null } | undefined;
  transfer(transferId: string): { fromBranchId: string; toBranchId: string } | undefined;
  /** The subjects of an event already indexed (a retraction is about what its target was about). */
  subjectsOfEvent(eventId: string): EventSubjects | undefined;
}

/**
 * A unit event is about the unit (and, for a move, also the parent it left); a member event
 * is about the member, their branch and group on the effective date, and every unit it names:
 * both sides of a transfer or of a group reassignment.
 */
export function subjectsOf(event: PositionedEvent, facts: SubjectFacts): EventSubjects {
  switch (event.type) {
    case 'UnitEstablished':
    case 'UnitRenamed':
    case 'UnitDissolved':
      return { memberIds: [], unitIds: [event.data.unitId] };
    case 'UnitMoved':
      return { memberIds: [], unitIds: [event.data.unitId, event.data.previousParentId] };
    case 'PairingAssigned':
    case 'PairingEnded':
      return pairingSubjects(event.data, event.effectiveDate, facts.placeOn);
    case 'AwardGranted':
    case 'AwardRevoked':
      return awardSubjects(event.data, event.effectiveDate, facts.placeOn);
    case 'DuesBaseSet':
    case 'DuesPaid':
      return duesSubjects(event, facts.placeOn);
    case 'GroupScored':
      return groupScoreSubjects(event.data);
    case 'MemberAppraised':
      return appraisalSubjects(event.data, event.effectiveDate, facts.placeOn);
    case 'MeetingRecorded':
      return meetingSubjects(event.data);
    case 'AttendanceFlagRaised':
    case 'AttendanceFlagCleared':
      return { memberIds: [event.data.memberId], unitIds: [event.data.branchId] };
    case 'ElectionHeld':
    case 'OfficerResigned':
    case 'OfficerRemoved':
      return leadershipSubjects(event);
    case 'EventRetracted':
      return facts.subjectsOfEvent(event.data.eventId) ?? { memberIds: [], unitIds: [] };
    default: {
      const { memberId } = event.data;
      const place = facts.placeOn(memberId, event.effectiveDate);
      const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
      return { memberIds: [memberId], unitIds: present([...placeIds, ...unitsNamedBy(event, facts)]) };
    }
  }
}

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
      return [];
    default:
      return assertNever(event);
  }
}

function present(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** The members whose place (branch, group) on the effective date an event's subjects need. */
export function memberIdsNamedBy(event: PositionedEvent): string[] {
  if (event.type === 'PairingAssigned' || event.type === 'PairingEnded') return pairingMemberIds(event.data);
  if (event.type === 'AwardGranted' || event.type === 'AwardRevoked') return awardMemberIds(event.data);
  if (event.type === 'ElectionHeld' || event.type === 'OfficerResigned' || event.type === 'OfficerRemoved') return leadershipMemberIds(event);
  return 'memberId' in event.data ? [event.data.memberId] : [];
}
