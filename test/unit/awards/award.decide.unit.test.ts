import type { GrantAward, MemberOnDate, RevokeAward } from '../../../src/domain/awards/award.commands';
import { awardDecider } from '../../../src/domain/awards/award.decide';
import type { AwardEvent } from '../../../src/domain/awards/award.events';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, groupG1, TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const committeeC1 = unit('c1', 'COMMITTEE', { parentId: 'd1' });
const member = (overrides: Partial<MemberOnDate> = {}): MemberOnDate => ({
  memberId: 'm1',
  name: '张三',
  active: true,
  status: 'FULL',
  branchId: 'b1',
  ...overrides,
});

/** Member m1 of branch b1 (under c1, under d1), named outstanding member by committee c1. */
const grant = (overrides: Partial<GrantAward> = {}): GrantAward => ({
  type: 'GrantAward',
  awardId: 'a1',
  recipientId: 'm1',
  recipient: { kind: 'MEMBER', member: member() },
  recipientAncestorIds: ['b1', 'c1', 'd1'],
  title: 'OUTSTANDING_MEMBER',
  otherTitle: null,
  grantedById: 'c1',
  grantedBy: committeeC1,
  citation: '  在防汛抢险中表现突出 ',
  effectiveDate: '2023-06-28',
  today: TODAY,
  ...overrides,
});
const toGroup = (overrides: Partial<GrantAward> = {}): GrantAward =>
  grant({ recipientId: 'g1', recipient: { kind: 'UNIT', unit: groupG1 }, recipientAncestorIds: ['b1', 'c1', 'd1'], title: 'RED_FLAG_GROUP', ...overrides });
const revoke = (overrides: Partial<RevokeAward> = {}): RevokeAward => ({
  type: 'RevokeAward',
  awardId: 'a1',
  reason: '受到党纪处分',
  effectiveDate: '2024-01-10',
  today: TODAY,
  ...overrides,
});

const grantedEvent: AwardEvent = {
  type: 'AwardGranted',
  data: {
    awardId: 'a1',
    recipientKind: 'MEMBER',
    recipientId: 'm1',
    title: 'OUTSTANDING_MEMBER',
    otherTitle: null,
    grantedById: 'c1',
    citation: '在防汛抢险中表现突出',
  },
};
const granted = on('2023-06-28', grantedEvent);
const revokedEvent: AwardEvent = {
  type: 'AwardRevoked',
  data: { awardId: 'a1', recipientKind: 'MEMBER', recipientId: 'm1', grantedById: 'c1', reason: '受到党纪处分' },
};
const revoked = on('2024-01-10', revokedEvent);

const given = spec(awardDecider).given;

describe('granting an award', () => {
  it('a committee names an active full member of one of its branches an outstanding member, with the citation trimmed', () => {
    given([]).when(grant()).then([grantedEvent]);
  });

  it('a member may also be awarded by their own branch', () => {
    given([])
      .when(grant({ grantedById: 'b1', grantedBy: branchB1 }))
      .then([{ ...grantedEvent, data: { ...grantedEvent.data, grantedById: 'b1' } }]);
  });

  it('a red-flag group title goes to a group, granted by its branch or a unit above it', () => {
    const [event] = awardDecider.decide(toGroup(), awardDecider.initialState());
    expect(event).toEqual({ ...grantedEvent, data: { ...grantedEvent.data, recipientKind: 'UNIT', recipientId: 'g1', title: 'RED_FLAG_GROUP' } });
  });

  it('an OTHER title carries its own name, and no other title takes one', () => {
    const [event] = awardDecider.decide(grant({ title: 'OTHER', otherTitle: ' 岗位能手 ' }), awardDecider.initialState());
    expect(event?.type === 'AwardGranted' && event.data.otherTitle).toBe('岗位能手');
    given([])
      .when(grant({ title: 'OTHER', otherTitle: '  ' }))
      .thenThrows(InvalidInput, 'AWARD.OTHER_TITLE_REQUIRED');
    given([])
      .when(grant({ otherTitle: '岗位能手' }))
      .thenThrows(InvalidInput, 'AWARD.OTHER_TITLE_NOT_ALLOWED');
  });

  it('refuses an unknown title, naming the field', () => {
    const error = given([])
      .when(grant({ title: 'HERO' as never }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
    expect(error.field).toBe('input.title');
  });

  it('refuses a recipient that is neither a member nor a unit', () => {
    given([])
      .when(grant({ recipient: null, recipientAncestorIds: [] }))
      .thenThrows(NotFound, 'AWARD.RECIPIENT_NOT_FOUND');
  });

  it('refuses a member who was not active on the date (not yet registered, or left)', () => {
    given([])
      .when(grant({ recipient: { kind: 'MEMBER', member: member({ active: false, status: 'LEFT', branchId: null }) } }))
      .thenThrows(RuleViolation, 'AWARD.RECIPIENT_NOT_ACTIVE');
  });

  it('gives outstanding member and party worker titles only to probationary and full members', () => {
    const applicant = { kind: 'MEMBER' as const, member: member({ status: 'ACTIVIST' }) };
    given([])
      .when(grant({ recipient: applicant }))
      .thenThrows(RuleViolation, 'AWARD.NOT_A_PARTY_MEMBER');
    given([])
      .when(grant({ recipient: applicant, title: 'OUTSTANDING_PARTY_WORKER' }))
      .thenThrows(RuleViolation, 'AWARD.NOT_A_PARTY_MEMBER');
  });

  it('keeps member titles for members and unit titles for units of the right level', () => {
    given([])
      .when(grant({ title: 'RED_FLAG_GROUP' }))
      .thenThrows(RuleViolation, 'AWARD.TITLE_NOT_FOR_MEMBERS');
    given([])
      .when(toGroup({ title: 'OUTSTANDING_MEMBER' }))
      .thenThrows(RuleViolation, 'AWARD.TITLE_NOT_FOR_UNITS');
    given([])
      .when(toGroup({ title: 'ADVANCED_GRASSROOTS_ORGANIZATION' }))
      .thenThrows(RuleViolation, 'AWARD.TITLE_WRONG_LEVEL');
    const branch = { kind: 'UNIT' as const, unit: branchB1 };
    given([])
      .when(grant({ recipientId: 'b1', recipient: branch, recipientAncestorIds: ['c1', 'd1'], title: 'RED_FLAG_GROUP' }))
      .thenThrows(RuleViolation, 'AWARD.TITLE_WRONG_LEVEL');
  });

  it('refuses a unit that was not active on the date', () => {
    given([])
      .when(toGroup({ recipient: { kind: 'UNIT', unit: { ...groupG1, active: false } } }))
      .thenThrows(RuleViolation, 'AWARD.RECIPIENT_NOT_ACTIVE');
  });

  it('refuses a granting unit that does not exist, is not active, or is not above the recipient', () => {
    given([])
      .when(grant({ grantedBy: null }))
      .thenThrows(NotFound, 'AWARD.GRANTOR_NOT_FOUND');
    given([])
      .when(grant({ grantedBy: { ...committeeC1, active: false } }))
      .thenThrows(RuleViolation, 'AWARD.GRANTOR_NOT_ACTIVE');
    const elsewhere = given([])
      .when(grant({ grantedById: 'c2', grantedBy: unit('c2', 'COMMITTEE', { parentId: 'd1' }) }))
      .thenThrows(RuleViolation, 'AWARD.GRANTOR_NOT_ABOVE');
    expect(elsewhere.field).toBe('input.grantedById');
    // A unit does not award itself.
    given([])
      .when(toGroup({ grantedById: 'g1', grantedBy: groupG1 }))
      .thenThrows(RuleViolation, 'AWARD.GRANTOR_NOT_ABOVE');
  });

  it('refuses a grant dated in the future, and the same award twice', () => {
    given([])
      .when(grant({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
    given([granted]).when(grant()).thenThrows(Conflict, 'AWARD.ALREADY_EXISTS');
  });
});

describe('revoking an award', () => {
  it('revokes a granted award with a reason, naming recipient and granting unit again', () => {
    given([granted]).when(revoke()).then([revokedEvent]);
  });

  it('requires a reason', () => {
    const error = given([granted])
      .when(revoke({ reason: ' ' }))
      .thenThrows(InvalidInput, 'AWARD.REASON_REQUIRED');
    expect(error.field).toBe('input.reason');
  });

  it('refuses an award that does not exist or was already revoked', () => {
    given([]).when(revoke()).thenThrows(NotFound, 'AWARD.NOT_FOUND');
    given([granted, revoked])
      .when(revoke({ effectiveDate: '2024-02-01' }))
      .thenThrows(RuleViolation, 'AWARD.ALREADY_REVOKED');
  });

  it('refuses a revocation dated before the grant', () => {
    given([granted])
      .when(revoke({ effectiveDate: '2023-06-27' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_GRANT');
  });
});
