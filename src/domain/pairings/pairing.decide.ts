import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireNotBefore } from '../shared/timeline';
import { optionalText, requireEffectiveDate, requireName, requireOneOf } from '../shared/validation';
import { canonicalCounterpart, type Counterpart } from './counterpartKey';
import { evolve, initialPairingState, type PairingState } from './pairing';
import type { AssignPairing, EndPairing, OverlappingPairing, PairingCommand, PartyOnDate } from './pairing.commands';
import type { PairingAssigned, PairingEnded, PairingEvent } from './pairing.events';
import { COUNTERPART_KINDS, PAIRING_KINDS, PAIRING_RULES, isInternal, type PairingKind, type PartyKind } from './pairingKind';

const PARTY_FIELD = 'input.memberOrUnitId';

export function assign(command: AssignPairing, state: PairingState): PairingAssigned {
  if (state.exists) throw new Conflict('PAIRING.ALREADY_EXISTS', `pairing ${command.pairingId} already exists`, 'input.pairingId');
  const on = requireEffectiveDate(command);
  const kind = requireOneOf(command.kind, PAIRING_KINDS, 'input.kind');
  const rule = PAIRING_RULES[kind];
  const partyKind = requireParty(command, kind, rule.parties);
  const counterpart = requireCounterpart(command, kind);
  if (counterpart.id !== null && counterpart.id === command.partyId) {
    throw new RuleViolation('PAIRING.SELF', `input.counterpart.id: ${command.partyId} cannot be paired with itself`, 'input.counterpart.id');
  }
  if (rule.partyHoldsOffice && !command.partyHoldsOffice) {
    throw new RuleViolation(
      'PAIRING.PARTY_HOLDS_NO_OFFICE',
      `${PARTY_FIELD}: a ${kind} is made by a member who holds an office, and ${command.partyId} held none on ${on}`,
      PARTY_FIELD,
    );
  }
  if (command.identical !== null) {
    throw new RuleViolation(
      'PAIRING.ALREADY_PAIRED',
      `${PARTY_FIELD}: ${describe(command.identical)} already holds the same ${kind} pairing (pairing ${command.identical.pairingId}) on or after ${on}`,
      PARTY_FIELD,
    );
  }
  if (rule.oneAtATimePerCounterpart && command.counterpartTakenBy !== null) {
    const taken = command.counterpartTakenBy;
    throw new RuleViolation(
      'PAIRING.COUNTERPART_TAKEN',
      taken.outsideCallerScope
        ? `input.counterpart: ${counterpart.kind} "${counterpart.name ?? counterpart.id}" already has a ${kind} outside your part of the organization since ${taken.startOn}, not ended by ${on}; that pairing must end first`
        : `input.counterpart: ${counterpart.kind} "${counterpart.name ?? counterpart.id}" already has a ${kind}, ${describe(taken)} (pairing ${taken.pairingId}), not ended by ${on}; end that pairing first`,
      'input.counterpart',
    );
  }
  return { type: 'PairingAssigned', data: { pairingId: command.pairingId, kind, partyKind, partyId: command.partyId, counterpart } };
}

export function end(command: EndPairing, state: PairingState): PairingEnded {
  if (!state.exists) throw new NotFound('PAIRING.NOT_FOUND', `input.pairingId: no pairing "${command.pairingId}" exists`, 'input.pairingId');
  if (state.endedOn !== null) {
    throw new RuleViolation('PAIRING.ALREADY_ENDED', `input.pairingId: pairing ${state.pairingId} already ended on ${state.endedOn}`, 'input.pairingId');
  }
  const on = requireEffectiveDate(command);
  requireNotBefore(on, state.startOn, 'DATE.BEFORE_START', `the start of pairing ${state.pairingId}`);
  const reason = optionalText(command.reason, 'input.reason');
  const { pairingId, kind, partyKind, partyId, counterpart } = state;
  return { type: 'PairingEnded', data: { pairingId, kind, partyKind, partyId, counterpart, reason } };
}

/** The party exists, may take part in this kind of pairing, and is active on the start date. */
function requireParty(command: AssignPairing, kind: PairingKind, allowed: readonly PartyKind[]): PartyKind {
  const party = command.party;
  if (party === null) throw new NotFound('PAIRING.PARTY_NOT_FOUND', `${PARTY_FIELD}: no member or unit ${command.partyId} exists`, PARTY_FIELD);
  if (!allowed.includes(party.kind)) {
    throw new RuleViolation(
      'PAIRING.PARTY_KIND',
      `${PARTY_FIELD}: a ${kind} pairing is made by a ${allowed.join(' or ')}, and ${command.partyId} is a ${party.kind}`,
      PARTY_FIELD,
    );
  }
  requireActive(party, 'PAIRING.PARTY_NOT_ACTIVE', PARTY_FIELD, command.effectiveDate);
  return party.kind;
}

/** The counterpart is of a kind this pairing allows: an internal one exists and is active, an outside one has a name. */
function requireCounterpart(command: AssignPairing, kind: PairingKind): Counterpart {
  const counterpartKind = requireOneOf(command.counterpart.kind, COUNTERPART_KINDS, 'input.counterpart.kind');
  const given = canonicalCounterpart({ ...command.counterpart, kind: counterpartKind });
  const allowed = PAIRING_RULES[kind].counterparts;
  if (!allowed.includes(counterpartKind)) {
    throw new RuleViolation(
      'PAIRING.COUNTERPART_KIND',
      `input.counterpart.kind: the counterpart of a ${kind} is a ${allowed.join(' or ')}, not a ${counterpartKind}`,
      'input.counterpart.kind',
    );
  }
  if (!isInternal(counterpartKind)) {
    if (given.id !== null) {
      throw new InvalidInput(
        'PAIRING.COUNTERPART_ID_OUTSIDE',
        `input.counterpart.id: a ${counterpartKind} is outside the organization: give its name, not an id`,
        'input.counterpart.id',
      );
    }
    return { kind: counterpartKind, id: null, name: requireName(given.name, 'input.counterpart.name') };
  }
  const id = given.id;
  if (id === null) throw new InvalidInput('INPUT.REQUIRED', `input.counterpart.id is required for a ${counterpartKind} counterpart`, 'input.counterpart.id');
  if (given.name !== null) {
    throw new InvalidInput(
      'PAIRING.COUNTERPART_NAME_INSIDE',
      `input.counterpart.name: a ${counterpartKind} is named by its id alone`,
      'input.counterpart.name',
    );
  }
  const found = command.counterpartOnDate;
  if (found === null || found.kind !== counterpartKind) {
    throw new NotFound('PAIRING.COUNTERPART_NOT_FOUND', `input.counterpart.id: no ${counterpartKind.toLowerCase()} ${id} exists`, 'input.counterpart.id');
  }
  requireActive(found, 'PAIRING.COUNTERPART_NOT_ACTIVE', 'input.counterpart.id', command.effectiveDate);
  if (kind === 'CONTACT_POINT' && found.kind === 'UNIT' && found.unit.level !== 'BRANCH') {
    throw new RuleViolation(
      'PAIRING.CONTACT_POINT_NOT_A_BRANCH',
      `input.counterpart.id: a contact point is a BRANCH, and ${id} ("${found.unit.name}") is a ${found.unit.level}`,
      'input.counterpart.id',
    );
  }
  return { kind: counterpartKind, id, name: null };
}

function requireActive(party: PartyOnDate, code: string, field: string, date: string): void {
  if (party.kind === 'MEMBER' && !party.member.active) {
    throw new RuleViolation(code, `${field}: member ${party.member.memberId} ("${party.member.name}") is not a member of the organization on ${date}`, field);
  }
  if (party.kind === 'UNIT' && !party.unit.active) {
    throw new RuleViolation(code, `${field}: unit ${party.unit.unitId} ("${party.unit.name}") is not active on ${date}`, field);
  }
}

const describe = (pairing: OverlappingPairing): string => `${pairing.partyName} (${pairing.partyId}, since ${pairing.startOn})`;

export function decide(command: PairingCommand, state: PairingState): PairingEvent[] {
  switch (command.type) {
    case 'AssignPairing':
      return [assign(command, state)];
    case 'EndPairing':
      return [end(command, state)];
    default:
      return assertNever(command);
  }
}

export const pairingDecider: Decider<PairingCommand, PairingEvent, PairingState> = { initialState: initialPairingState, evolve, decide };
