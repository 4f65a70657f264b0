import type { AssignPairing, EndPairing, PartyOnDate } from '../../../src/domain/pairings/pairing.commands';
import { pairingDecider } from '../../../src/domain/pairings/pairing.decide';
import type { PairingEvent } from '../../../src/domain/pairings/pairing.events';
import { canonicalCounterpart, counterpartKey } from '../../../src/domain/pairings/counterpartKey';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const member = (memberId: string, active = true): PartyOnDate => ({ kind: 'MEMBER', member: { memberId, name: `name of ${memberId}`, active } });
const lawyer = member('m1');

const assign = (overrides: Partial<AssignPairing> = {}): AssignPairing => ({
  type: 'AssignPairing',
  pairingId: 'p1',
  kind: 'LEGAL_ADVISER',
  partyId: 'm1',
  party: lawyer,
  counterpart: { kind: 'VILLAGE', id: null, name: ' 张家村 ' },
  counterpartOnDate: null,
  counterpartTakenBy: null,
  identical: null,
  partyHoldsOffice: false,
  effectiveDate: '2021-03-01',
  today: TODAY,
  ...overrides,
});
const end = (overrides: Partial<EndPairing> = {}): EndPairing => ({
  type: 'EndPairing',
  pairingId: 'p1',
  reason: null,
  effectiveDate: '2023-03-01',
  today: TODAY,
  ...overrides,
});

const village = { kind: 'VILLAGE' as const, id: null, name: '张家村' };
const assignment: PairingEvent = {
  type: 'PairingAssigned',
  data: { pairingId: 'p1', kind: 'LEGAL_ADVISER', partyKind: 'MEMBER', partyId: 'm1', counterpart: village },
};
const assigned = on('2021-03-01', assignment);
const given = spec(pairingDecider).given;

describe('assigning a pairing', () => {
  it('a member-lawyer becomes legal adviser of a village, named by its trimmed name', () => {
    given([]).when(assign()).then([assignment]);
  });

  it('a mentor is paired with another member, a cadre with a branch as contact point, a unit with a household', () => {
    given([])
      .when(assign({ kind: 'MENTOR', counterpart: { kind: 'MEMBER', id: 'm2', name: null }, counterpartOnDate: member('m2') }))
      .then([
        {
          type: 'PairingAssigned',
          data: { pairingId: 'p1', kind: 'MENTOR', partyKind: 'MEMBER', partyId: 'm1', counterpart: { kind: 'MEMBER', id: 'm2', name: null } },
        },
      ]);
    const branch: PartyOnDate = { kind: 'UNIT', unit: unit('b1', 'BRANCH') };
    given([])
      .when(assign({ kind: 'CONTACT_POINT', counterpart: { kind: 'UNIT', id: 'b1', name: null }, counterpartOnDate: branch, partyHoldsOffice: true }))
      .then([
        {
          type: 'PairingAssigned',
          data: { pairingId: 'p1', kind: 'CONTACT_POINT', partyKind: 'MEMBER', partyId: 'm1', counterpart: { kind: 'UNIT', id: 'b1', name: null } },
        },
      ]);
    given([])
      .when(assign({ kind: 'ASSISTANCE', partyId: 'b1', party: branch, counterpart: { kind: 'HOUSEHOLD', id: null, name: '王大爷家' } }))
      .then([
        {
          type: 'PairingAssigned',
          data: { pairingId: 'p1', kind: 'ASSISTANCE', partyKind: 'UNIT', partyId: 'b1', counterpart: { kind: 'HOUSEHOLD', id: null, name: '王大爷家' } },
        },
      ]);
  });

  it('the party must exist, be allowed for the kind, and be active on the start date', () => {
    expect(
      given([])
        .when(assign({ party: null }))
        .thenThrows(NotFound, 'PAIRING.PARTY_NOT_FOUND').field,
    ).toBe('input.memberOrUnitId');
    given([])
      .when(assign({ party: member('m1', false) }))
      .thenThrows(RuleViolation, 'PAIRING.PARTY_NOT_ACTIVE');
    given([])
      .when(assign({ partyId: 'b1', party: { kind: 'UNIT', unit: unit('b1', 'BRANCH') } }))
      .thenThrows(RuleViolation, 'PAIRING.PARTY_KIND');
  });

  it('each kind has its own kind of counterpart', () => {
    const error = given([])
      .when(assign({ counterpart: { kind: 'HOUSEHOLD', id: null, name: '王家' } }))
      .thenThrows(RuleViolation, 'PAIRING.COUNTERPART_KIND');
    expect(error.message).toContain('VILLAGE or COMMUNITY');
    given([])
      .when(assign({ kind: 'MENTOR' }))
      .thenThrows(RuleViolation, 'PAIRING.COUNTERPART_KIND');
  });

  it('an outside counterpart needs a name and no id; an inside one an id, existing and active', () => {
    expect(
      given([])
        .when(assign({ counterpart: { kind: 'VILLAGE', id: null, name: '  ' } }))
        .thenThrows(InvalidInput, 'INPUT.REQUIRED').field,
    ).toBe('input.counterpart.name');
    given([])
      .when(assign({ counterpart: { kind: 'VILLAGE', id: 'v1', name: '张家村' } }))
      .thenThrows(InvalidInput, 'PAIRING.COUNTERPART_ID_OUTSIDE');
    const mentor = (overrides: Partial<AssignPairing>) =>
      assign({ kind: 'MENTOR', counterpart: { kind: 'MEMBER', id: 'm2', name: null }, counterpartOnDate: member('m2'), ...overrides });
    given([])
      .when(mentor({ counterpart: { kind: 'MEMBER', id: null, name: null } }))
      .thenThrows(InvalidInput, 'INPUT.REQUIRED');
    given([])
      .when(mentor({ counterpartOnDate: null }))
      .thenThrows(NotFound, 'PAIRING.COUNTERPART_NOT_FOUND');
    given([])
      .when(mentor({ counterpartOnDate: member('m2', false) }))
      .thenThrows(RuleViolation, 'PAIRING.COUNTERPART_NOT_ACTIVE');
  });

  it('a mentor is another member, not the party itself', () => {
    given([])
      .when(assign({ kind: 'MENTOR', counterpart: { kind: 'MEMBER', id: 'm1', name: null }, counterpartOnDate: lawyer }))
      .thenThrows(RuleViolation, 'PAIRING.SELF');
  });

  it('a contact point is a BRANCH', () => {
    const committee: PartyOnDate = { kind: 'UNIT', unit: unit('c1', 'COMMITTEE') };
    given([])
      .when(assign({ kind: 'CONTACT_POINT', counterpart: { kind: 'UNIT', id: 'c1', name: null }, counterpartOnDate: committee, partyHoldsOffice: true }))
      .thenThrows(RuleViolation, 'PAIRING.CONTACT_POINT_NOT_A_BRANCH');
    given([])
      .when(
        assign({
          kind: 'CONTACT_POINT',
          counterpart: { kind: 'UNIT', id: 'b1', name: null },
          counterpartOnDate: { kind: 'UNIT', unit: unit('b1', 'BRANCH') },
          partyHoldsOffice: false,
        }),
      )
      .thenThrows(RuleViolation, 'PAIRING.PARTY_HOLDS_NO_OFFICE');
  });

  it('a village has one legal adviser at a time, and the error names the one it has', () => {
    const taken = { pairingId: 'p0', partyId: 'm9', partyName: '李律师', startOn: '2020-01-01' };
    const error = given([])
      .when(assign({ counterpartTakenBy: taken }))
      .thenThrows(RuleViolation, 'PAIRING.COUNTERPART_TAKEN');
    expect(error.message).toContain('李律师');
    expect(error.message).toContain('p0');
    // Mentors have no such limit.
    given([])
      .when(assign({ kind: 'MENTOR', counterpart: { kind: 'MEMBER', id: 'm2', name: null }, counterpartOnDate: member('m2'), counterpartTakenBy: taken }))
      .then([
        {
          type: 'PairingAssigned',
          data: { pairingId: 'p1', kind: 'MENTOR', partyKind: 'MEMBER', partyId: 'm1', counterpart: { kind: 'MEMBER', id: 'm2', name: null } },
        },
      ]);
  });

  it('the same pairing cannot hold twice', () => {
    given([])
      .when(assign({ identical: { pairingId: 'p0', partyId: 'm1', partyName: '张律师', startOn: '2020-01-01' } }))
      .thenThrows(RuleViolation, 'PAIRING.ALREADY_PAIRED');
  });

  it('a pairing is recorded once, and never starts in the future', () => {
    given([assigned]).when(assign()).thenThrows(Conflict, 'PAIRING.ALREADY_EXISTS');
    given([])
      .when(assign({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('ending a pairing', () => {
  it('a pairing that holds ends with an optional reason', () => {
    given([assigned])
      .when(end({ reason: ' 合同期满 ' }))
      .then([
        {
          type: 'PairingEnded',
          data: { pairingId: 'p1', kind: 'LEGAL_ADVISER', partyKind: 'MEMBER', partyId: 'm1', counterpart: village, reason: '合同期满' },
        },
      ]);
  });

  it('only a pairing that exists and holds, and not before its start', () => {
    given([]).when(end()).thenThrows(NotFound, 'PAIRING.NOT_FOUND');
    given([assigned])
      .when(end({ effectiveDate: '2020-12-31' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_START');
    const ended = on<PairingEvent>('2022-01-01', {
      type: 'PairingEnded',
      data: { pairingId: 'p1', kind: 'LEGAL_ADVISER', partyKind: 'MEMBER', partyId: 'm1', counterpart: village, reason: null },
    });
    given([assigned, ended]).when(end()).thenThrows(RuleViolation, 'PAIRING.ALREADY_ENDED');
  });
});

describe('counterpart keys', () => {
  it('one outside party typed differently has one key; inside ones are keyed by id', () => {
    expect(counterpartKey({ kind: 'VILLAGE', id: null, name: ' 张家村 ' })).toBe(counterpartKey({ kind: 'VILLAGE', id: null, name: '张家村' }));
    expect(counterpartKey({ kind: 'OTHER', id: null, name: 'Red  Cross' })).toBe(counterpartKey({ kind: 'OTHER', id: null, name: 'ｒｅｄ cross' }));
    expect(counterpartKey({ kind: 'VILLAGE', id: null, name: '张家村' })).not.toBe(counterpartKey({ kind: 'COMMUNITY', id: null, name: '张家村' }));
    expect(counterpartKey({ kind: 'UNIT', id: 'b1', name: null })).toBe('UNIT:b1');
  });

  it('invisible characters, inner spaces and an empty id do not make another village', () => {
    const village = counterpartKey(canonicalCounterpart({ kind: 'VILLAGE', name: '李家村' }));
    for (const typed of [{ name: '李家村\u200b' }, { name: '李 家村' }, { name: '\ufeff李家村 ' }, { id: '', name: '李家村' }, { id: '  ', name: '李家村' }]) {
      expect(counterpartKey(canonicalCounterpart({ kind: 'VILLAGE', ...typed }))).toBe(village);
    }
    expect(canonicalCounterpart({ kind: 'VILLAGE', id: '', name: ' 李家村\u200b ' })).toEqual({ kind: 'VILLAGE', id: null, name: '李家村' });
  });

  it('a village named with an empty id is stored as the decider keys it', () => {
    given([])
      .when(assign({ counterpart: { kind: 'VILLAGE', id: '', name: '李家村\u200b' } }))
      .then([{ ...assignment, data: { ...assignment.data, counterpart: { kind: 'VILLAGE', id: null, name: '李家村' } } }]);
  });
});
