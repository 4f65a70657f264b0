import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { LocalDate } from '../shared/localDate';
import { requireOneOf } from '../shared/validation';
import type { UnitOnDate } from '../units/unitOnDate';
import type { CandidateOnDate, RecordElection } from './leadership.commands';
import type { BallotCount, ElectedOfficer } from './leadership.events';
import { OFFICER_ROLES, rolesFor, SINGLE_HOLDER_ROLES } from './officerRole';

export const MAX_OFFICERS = 50;
const MAX_VOTES = 10_000_000;

/**
 * The officers of an election, each checked: a known role the unit's level elects, a FULL member
 * who belongs to the unit on the day (for a committee or district: to a branch in its subtree),
 * named once, at most one secretary or group leader.
 */
export function requireOfficers(command: RecordElection, unit: UnitOnDate, on: LocalDate, votes: BallotCount | null): ElectedOfficer[] {
  if (command.officers.length === 0) throw new InvalidInput('ELECTION.NO_OFFICERS', 'input.officers must name at least one elected officer', 'input.officers');
  if (command.officers.length > MAX_OFFICERS) {
    throw new InvalidInput(
      'ELECTION.TOO_MANY_OFFICERS',
      `input.officers may name at most ${MAX_OFFICERS} officers, got ${command.officers.length}`,
      'input.officers',
    );
  }
  const seen = new Set<string>();
  const elected = command.officers.map((proposal, index): ElectedOfficer => {
    const at = `input.officers[${index}]`;
    const role = requireOneOf(proposal.role, OFFICER_ROLES, `${at}.role`);
    const allowed = rolesFor(unit.level);
    if (!allowed.includes(role)) {
      throw new RuleViolation('ELECTION.ROLE_NOT_FOR_LEVEL', `${at}.role: a ${unit.level} elects ${allowed.join(', ')}, not ${role}`, `${at}.role`);
    }
    if (seen.has(proposal.memberId)) {
      throw new InvalidInput(
        'ELECTION.OFFICER_TWICE',
        `${at}.memberId: member ${proposal.memberId} is named twice; each officer holds one role`,
        `${at}.memberId`,
      );
    }
    seen.add(proposal.memberId);
    requireEligible(command.candidates[proposal.memberId], proposal.memberId, unit, on, `${at}.memberId`);
    return { memberId: proposal.memberId, role, votes: optionalCount(proposal.votes, `${at}.votes`, votes?.cast ?? null) };
  });
  for (const role of SINGLE_HOLDER_ROLES) {
    const holders = elected.filter((officer) => officer.role === role);
    if (holders.length > 1) {
      throw new RuleViolation('ELECTION.ONE_PER_ROLE', `input.officers: a unit has at most one ${role}, but ${holders.length} are named`, 'input.officers');
    }
  }
  return elected;
}

/** Ballot totals: whole numbers, no more ballots cast than voters entitled. */
export function requireBallotCount(votes: RecordElection['votes']): BallotCount | null {
  if (votes === null || (votes.eligible === null && votes.cast === null)) return null;
  const eligible = optionalCount(votes.eligible, 'input.votes.eligible', null);
  const cast = optionalCount(votes.cast, 'input.votes.cast', eligible);
  return { eligible, cast };
}

function requireEligible(candidate: CandidateOnDate | undefined, memberId: string, unit: UnitOnDate, on: LocalDate, field: string): void {
  if (candidate === undefined) throw new NotFound('ELECTION.OFFICER_NOT_FOUND', `${field}: no member ${memberId} exists`, field);
  const who = `member ${memberId} ("${candidate.name}")`;
  if (candidate.status !== 'FULL') {
    throw new RuleViolation(
      'ELECTION.OFFICER_NOT_FULL_MEMBER',
      `${field}: only FULL members can be elected, but ${who} was ${candidate.status ?? 'not registered'} on ${on}`,
      field,
    );
  }
  const belongs =
    unit.level === 'GROUP'
      ? candidate.groupId === unit.unitId
      : unit.level === 'BRANCH'
        ? candidate.branchId === unit.unitId
        : candidate.line.includes(unit.unitId);
  if (!belongs) {
    const where = unit.level === 'GROUP' || unit.level === 'BRANCH' ? 'a member of' : 'a member of a branch under';
    throw new RuleViolation('ELECTION.OFFICER_NOT_IN_UNIT', `${field}: ${who} was not ${where} ${unit.unitId} ("${unit.name}") on ${on}`, field);
  }
}

function optionalCount(value: number | null, field: string, max: number | null): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_VOTES) {
    throw new InvalidInput('INPUT.OUT_OF_RANGE', `${field} must be a whole number from 0 to ${MAX_VOTES}, got ${value}`, field);
  }
  if (max !== null && value > max)
    throw new InvalidInput('ELECTION.VOTES_EXCEED', `${field} ${value} is more than the ${max} allowed by the ballot count`, field);
  return value;
}
