import { NotFound, RuleViolation } from '../shared/errors';
import type { LocalDate } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { requireEffectiveDate } from '../shared/validation';
import type { UnitOnDate } from '../units/unitOnDate';
import type { RegisteredMember, MemberState } from './member';
import type { MemberStage } from './memberStatus';

/** Rules shared by the member and transfer commands. */

export function requireMember(state: MemberState, memberId: string): RegisteredMember {
  if (!state.exists) throw new NotFound('MEMBER.NOT_FOUND', `input.memberId: no member ${memberId} exists`, 'input.memberId');
  return state;
}

/** The member's current stage; refuses a member who has left. */
export function requireNotLeft(member: RegisteredMember): MemberStage {
  if (member.status === 'LEFT') {
    throw new RuleViolation('MEMBER.HAS_LEFT', `member ${member.memberId} left on ${member.leftOn ?? 'an unknown date'}`, 'input.memberId');
  }
  return member.status;
}

/** The time rules every command on an existing member obeys; returns the effective date. */
export function requireMemberTimeline(command: { effectiveDate: string; today: LocalDate }, member: RegisteredMember): LocalDate {
  const on = requireEffectiveDate(command);
  requireNotBefore(on, member.registeredOn, 'DATE.BEFORE_JOINING', `the registration of member ${member.memberId}`);
  requireNotBefore(on, member.lastChangeOn, 'DATE.BEFORE_LAST_CHANGE', `the last recorded change of member ${member.memberId}`);
  return on;
}

/**
 * A branch a member can belong to on `date`: it exists, is a BRANCH and is active. `area` is the
 * error code prefix (`MEMBER` when registering, `TRANSFER` for the receiving branch).
 */
export function requireActiveBranch(area: 'MEMBER' | 'TRANSFER', field: string, branchId: string, branch: UnitOnDate | null, date: LocalDate): void {
  if (branch === null) throw new NotFound(`${area}.BRANCH_NOT_FOUND`, `${field}: no unit ${branchId} exists`, field);
  if (branch.level !== 'BRANCH') {
    const hint = branch.level === 'GROUP' ? ': a GROUP is not a branch; choose the branch the group belongs to' : '';
    throw new RuleViolation(`${area}.NOT_A_BRANCH`, `${field}: ${branchId} ("${branch.name}") is a ${branch.level}, not a BRANCH${hint}`, field);
  }
  if (!branch.active) {
    throw new RuleViolation(`${area}.BRANCH_NOT_ACTIVE`, `${field}: branch ${branchId} ("${branch.name}") is not active on ${date}`, field);
  }
  if (branch.dissolvedOn !== null) {
    throw new RuleViolation(
      `${area}.BRANCH_DISSOLVED_LATER`,
      `${field}: branch ${branchId} ("${branch.name}") is dissolved from ${branch.dissolvedOn}; a member placed in it on ${date} would still be in it then`,
      field,
    );
  }
}

/** A group a member of `branchId` can be placed in on `date`: it exists, is a GROUP, is active and sits under that branch then. */
export function requireGroupOfBranch(groupId: string, group: UnitOnDate | null, branchId: string, date: LocalDate): void {
  const field = 'input.groupId';
  if (group === null) throw new NotFound('MEMBER.GROUP_NOT_FOUND', `${field}: no unit ${groupId} exists`, field);
  if (group.level !== 'GROUP') {
    throw new RuleViolation('MEMBER.NOT_A_GROUP', `${field}: ${groupId} ("${group.name}") is a ${group.level}, not a GROUP`, field);
  }
  if (!group.active) throw new RuleViolation('MEMBER.GROUP_NOT_ACTIVE', `${field}: group ${groupId} ("${group.name}") is not active on ${date}`, field);
  if (group.dissolvedOn !== null) {
    throw new RuleViolation(
      'MEMBER.GROUP_DISSOLVED_LATER',
      `${field}: group ${groupId} ("${group.name}") is dissolved from ${group.dissolvedOn}; a member placed in it on ${date} would still be in it then`,
      field,
    );
  }
  if (group.parentId !== branchId) {
    throw new RuleViolation(
      'MEMBER.GROUP_NOT_IN_BRANCH',
      `${field}: group ${groupId} ("${group.name}") belongs to ${group.parentId ?? 'no branch'} on ${date}, not to branch ${branchId}`,
      field,
    );
  }
}
