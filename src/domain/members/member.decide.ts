import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, RuleViolation } from '../shared/errors';
import { optionalText, requireDateUpToToday, requireEffectiveDate, requireName, requireOneOf } from '../shared/validation';
import { evolve, initialMemberState, type MemberState } from './member';
import type { AdvanceMemberStage, AssignGroup, CorrectMemberDetails, MemberCommand, RecordMemberLeft, RegisterMember } from './member.commands';
import type { MemberDetailsCorrected, MemberEvent, MemberGroupAssigned, MemberLeft, MemberRegistered, MemberStageAdvanced } from './member.events';
import { requireActiveBranch, requireGroupOfBranch, requireMember, requireMemberTimeline, requireNotLeft } from './member.guards';
import { LEAVE_REASONS, MEMBER_STAGES, nextStage, type MemberStage } from './memberStatus';
import { acceptTransfer, expireTransfer, rejectTransfer, requestTransfer } from './transfer.decide';

/** From PROBATIONARY on a person is a member of the organization and has a political birthday. */
const hasJoined = (stage: MemberStage): boolean => MEMBER_STAGES.indexOf(stage) >= MEMBER_STAGES.indexOf('PROBATIONARY');

export function register(command: RegisterMember, state: MemberState): MemberRegistered {
  if (state.exists) throw new Conflict('MEMBER.ALREADY_EXISTS', `member ${command.memberId} already exists`, 'input.memberId');
  const on = requireEffectiveDate(command);
  const name = requireName(command.name, 'input.name');
  const status = requireOneOf(command.status, MEMBER_STAGES, 'input.status');
  const joinedOn = command.joinedOn === null ? null : requireDateUpToToday(command.joinedOn, 'input.joinedOn', command.today);
  if (joinedOn === null && hasJoined(status)) {
    throw new InvalidInput('MEMBER.JOINED_ON_REQUIRED', `input.joinedOn is required for a ${status} member: it is their political birthday`, 'input.joinedOn');
  }
  requireActiveBranch('MEMBER', 'input.branchId', command.branchId, command.branch, on);
  if (command.groupId !== null) requireGroupOfBranch(command.groupId, command.group, command.branchId, on);
  return {
    type: 'MemberRegistered',
    data: { memberId: command.memberId, name, branchId: command.branchId, groupId: command.groupId, status, joinedOn },
  };
}

export function advanceStage(command: AdvanceMemberStage, state: MemberState): MemberStageAdvanced {
  const member = requireMember(state, command.memberId);
  const from = requireNotLeft(member);
  const on = requireMemberTimeline(command, member);
  const next = nextStage(from);
  if (next === undefined) {
    throw new RuleViolation('MEMBER.ALREADY_FULL', `member ${member.memberId} is already a FULL member: there is no further stage`, 'input.memberId');
  }
  const to = command.to === null ? next : requireOneOf(command.to, MEMBER_STAGES, 'input.to');
  if (to !== next) {
    throw new RuleViolation('MEMBER.STAGE_ORDER', `input.to: a ${from} member can only advance to ${next}, not to ${to}`, 'input.to');
  }
  const joinedOn = to === 'PROBATIONARY' && member.joinedOn === null ? on : null;
  return { type: 'MemberStageAdvanced', data: { memberId: member.memberId, from, to, joinedOn } };
}

export function recordLeft(command: RecordMemberLeft, state: MemberState): MemberLeft {
  const member = requireMember(state, command.memberId);
  requireNotLeft(member);
  requireMemberTimeline(command, member);
  const reason = requireOneOf(command.reason, LEAVE_REASONS, 'input.reason');
  const note = optionalText(command.note, 'input.note');
  return { type: 'MemberLeft', data: { memberId: member.memberId, branchId: member.branchId, reason, note } };
}

export function assignGroup(command: AssignGroup, state: MemberState): MemberGroupAssigned {
  const member = requireMember(state, command.memberId);
  requireNotLeft(member);
  const on = requireMemberTimeline(command, member);
  if (command.groupId === null) {
    if (member.groupId === null) {
      throw new RuleViolation('MEMBER.NO_GROUP', `input.groupId: member ${member.memberId} belongs to no group to be removed from`, 'input.groupId');
    }
  } else {
    requireGroupOfBranch(command.groupId, command.group, member.branchId, on);
    if (command.groupId === member.groupId) {
      throw new RuleViolation('MEMBER.SAME_GROUP', `input.groupId: member ${member.memberId} already belongs to group ${member.groupId}`, 'input.groupId');
    }
  }
  return {
    type: 'MemberGroupAssigned',
    data: { memberId: member.memberId, branchId: member.branchId, groupId: command.groupId, previousGroupId: member.groupId },
  };
}

export function correctDetails(command: CorrectMemberDetails, state: MemberState): MemberDetailsCorrected {
  const member = requireMember(state, command.memberId);
  requireMemberTimeline(command, member);
  const name = command.name === null ? member.name : requireName(command.name, 'input.name');
  let joinedOn = member.joinedOn;
  if (command.joinedOn !== null) {
    if (member.joinedOn === null) {
      throw new RuleViolation(
        'MEMBER.NOT_JOINED',
        `input.joinedOn: member ${member.memberId} has no political birthday to correct yet: it is set when they become PROBATIONARY`,
        'input.joinedOn',
      );
    }
    joinedOn = requireDateUpToToday(command.joinedOn, 'input.joinedOn', command.today);
  }
  if (name === member.name && joinedOn === member.joinedOn) {
    throw new RuleViolation(
      'MEMBER.NOTHING_TO_CORRECT',
      `member ${member.memberId} is already recorded as "${name}"${joinedOn === null ? '' : `, joined ${joinedOn}`}: give a name or a joinedOn that differs`,
      command.name === null ? 'input.joinedOn' : 'input.name',
    );
  }
  const reason = optionalText(command.reason, 'input.reason');
  return {
    type: 'MemberDetailsCorrected',
    data: { memberId: member.memberId, name, previousName: member.name, joinedOn, previousJoinedOn: member.joinedOn, reason },
  };
}

export function decide(command: MemberCommand, state: MemberState): MemberEvent[] {
  switch (command.type) {
    case 'RegisterMember':
      return [register(command, state)];
    case 'AdvanceMemberStage':
      return [advanceStage(command, state)];
    case 'RecordMemberLeft':
      return [recordLeft(command, state)];
    case 'RequestTransfer':
      return requestTransfer(command, state);
    case 'AcceptTransfer':
      return [acceptTransfer(command, state)];
    case 'RejectTransfer':
      return [rejectTransfer(command, state)];
    case 'ExpireTransfer':
      return [expireTransfer(command, state)];
    case 'AssignGroup':
      return [assignGroup(command, state)];
    case 'CorrectMemberDetails':
      return [correctDetails(command, state)];
    default:
      return assertNever(command);
  }
}

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState> = { initialState: initialMemberState, evolve, decide };
