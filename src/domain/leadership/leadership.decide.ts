import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { addYears } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { optionalText, requireEffectiveDate, requirePositiveInteger } from '../shared/validation';
import { requireBallotCount, requireOfficers } from './electionRules';
import { evolve, initialLeadershipState, type LeadershipState } from './leadership';
import type { LeadershipCommand, RecordElection, RemoveFromOffice, ResignOffice } from './leadership.commands';
import type { ElectionHeld, LeadershipEvent, OfficerRemoved, OfficerResigned } from './leadership.events';
import { defaultTermYears, MAX_TERM_YEARS } from './officerRole';

export function recordElection(command: RecordElection, state: LeadershipState): ElectionHeld {
  const on = requireEffectiveDate(command);
  const { unit } = command;
  if (unit === null) throw new NotFound('ELECTION.UNIT_NOT_FOUND', `input.unitId: no unit ${command.unitId} exists`, 'input.unitId');
  if (!unit.active)
    throw new RuleViolation('ELECTION.UNIT_NOT_ACTIVE', `input.unitId: unit ${unit.unitId} ("${unit.name}") was not active on ${on}`, 'input.unitId');
  if (state.lastChangeOn !== null)
    requireNotBefore(on, state.lastChangeOn, 'DATE.BEFORE_LAST_LEADERSHIP_CHANGE', `the last recorded change of the unit's leadership`);
  if (state.current !== null && state.current.heldOn === on) {
    throw new RuleViolation('ELECTION.SAME_DAY', `input.heldOn: unit ${unit.unitId} already held an election on ${on}`, 'input.heldOn');
  }
  const termYears = command.termYears === null ? defaultTermYears(unit.level) : requirePositiveInteger(command.termYears, 'input.termYears', MAX_TERM_YEARS);
  const votes = requireBallotCount(command.votes);
  const officers = requireOfficers(command, unit, on, votes);
  return {
    type: 'ElectionHeld',
    data: {
      electionId: command.electionId,
      unitId: unit.unitId,
      unitLevel: unit.level,
      heldOn: on,
      termYears,
      termEndsOn: addYears(on, termYears),
      officers,
      votes,
      previousElectionId: state.current?.electionId ?? null,
    },
  };
}

/** The officer's current term, refusing one who is not in office in it. */
function requireInOffice(command: ResignOffice | RemoveFromOffice, state: LeadershipState) {
  const on = requireEffectiveDate(command);
  const officer = state.current?.inOffice.find((held) => held.memberId === command.memberId);
  if (state.current === null || officer === undefined) {
    throw new RuleViolation('OFFICE.NOT_IN_OFFICE', `input.memberId: member ${command.memberId} holds no office of unit ${command.unitId}`, 'input.memberId');
  }
  requireNotBefore(on, state.lastChangeOn ?? on, 'DATE.BEFORE_LAST_LEADERSHIP_CHANGE', `the last recorded change of the unit's leadership`);
  return { electionId: state.current.electionId, role: officer.role };
}

export function resign(command: ResignOffice, state: LeadershipState): OfficerResigned {
  const { electionId, role } = requireInOffice(command, state);
  const reason = optionalText(command.reason, 'input.reason');
  return { type: 'OfficerResigned', data: { unitId: command.unitId, electionId, memberId: command.memberId, role, reason } };
}

export function remove(command: RemoveFromOffice, state: LeadershipState): OfficerRemoved {
  const { electionId, role } = requireInOffice(command, state);
  const reason = optionalText(command.reason, 'input.reason');
  if (reason === null) throw new InvalidInput('OFFICE.REASON_REQUIRED', 'input.reason is required: say why the officer is removed', 'input.reason');
  return { type: 'OfficerRemoved', data: { unitId: command.unitId, electionId, memberId: command.memberId, role, reason } };
}

export function decide(command: LeadershipCommand, state: LeadershipState): LeadershipEvent[] {
  switch (command.type) {
    case 'RecordElection':
      return [recordElection(command, state)];
    case 'ResignOffice':
      return [resign(command, state)];
    case 'RemoveFromOffice':
      return [remove(command, state)];
    default:
      return assertNever(command);
  }
}

export const leadershipDecider: Decider<LeadershipCommand, LeadershipEvent, LeadershipState> = { initialState: initialLeadershipState, evolve, decide };
