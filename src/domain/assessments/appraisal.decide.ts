import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireNotBefore } from '../shared/timeline';
import { requireEffectiveDate, requireOneOf } from '../shared/validation';
import { evolve, initialAppraisalState, type AppraisalState } from './appraisal';
import type { AppraisalCommand, AppraisedMember, RecordAppraisal } from './appraisal.commands';
import type { MemberAppraised } from './appraisal.events';
import { APPRAISAL_GRADES } from './appraisalGrade';

const FIRST_YEAR = 1900;

export function appraise(command: RecordAppraisal, state: AppraisalState): MemberAppraised {
  const on = requireEffectiveDate(command);
  const year = requireYear(command.year, Number(command.today.slice(0, 4)));
  const grade = requireOneOf(command.grade, APPRAISAL_GRADES, 'input.grade');
  if (on < `${year}-01-01`) {
    throw new RuleViolation('APPRAISAL.BEFORE_YEAR', `input.effectiveDate ${on} is before the appraised year ${year} begins`, 'input.effectiveDate');
  }
  const member = requireMemberDuring(command, year);
  const previous = state.byYear[year];
  if (previous !== undefined) requireNotBefore(on, previous.appraisedOn, 'DATE.BEFORE_APPRAISAL', `the appraisal it supersedes (${previous.appraisalId})`);
  return {
    type: 'MemberAppraised',
    data: { appraisalId: command.appraisalId, memberId: command.memberId, year, grade, supersedes: previous?.appraisalId ?? null, branchId: member.branchId },
  };
}

export function decide(command: AppraisalCommand, state: AppraisalState): MemberAppraised[] {
  switch (command.type) {
    case 'RecordAppraisal':
      return [appraise(command, state)];
    default:
      return assertNever(command.type);
  }
}

export const appraisalDecider: Decider<AppraisalCommand, MemberAppraised, AppraisalState> = { initialState: initialAppraisalState, evolve, decide };

function requireYear(year: number, thisYear: number): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear) {
    throw new InvalidInput('APPRAISAL.BAD_YEAR', `input.year must be a whole year from ${FIRST_YEAR} to ${thisYear}, got ${year}`, 'input.year');
  }
  return year;
}

/**
 * Appraisal is of party members: the member was recorded here and was PROBATIONARY or FULL (past
 * their political birthday) and not yet gone on at least one day of the year.
 */
function requireMemberDuring(command: RecordAppraisal, year: number): AppraisedMember {
  const field = 'input.memberId';
  const { member } = command;
  if (member === null) throw new NotFound('APPRAISAL.MEMBER_NOT_FOUND', `${field}: no member ${command.memberId} exists`, field);
  const who = `member ${command.memberId} ("${member.name}")`;
  if (member.joinedOn === null) {
    throw new RuleViolation(
      'APPRAISAL.NOT_A_PARTY_MEMBER',
      `${field}: ${who} has not been admitted to the party (no political birthday), so has no appraisal`,
      field,
    );
  }
  const since = member.joinedOn > member.registeredOn ? member.joinedOn : member.registeredOn;
  const during = since <= `${year}-12-31` && (member.leftOn === null || member.leftOn > `${year}-01-01`);
  if (!during) {
    const until = member.leftOn === null ? '' : ` until ${member.leftOn}`;
    throw new RuleViolation(
      'APPRAISAL.NOT_A_MEMBER_THAT_YEAR',
      `${field}: ${who} was not a party member during ${year} (a member from ${since}${until})`,
      field,
    );
  }
  return member;
}
