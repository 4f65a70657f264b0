import { evolve, initialMemberState } from '../../../src/domain/members/member';
import type { AdvanceMemberStage, AssignGroup, CorrectMemberDetails, RecordMemberLeft, RegisterMember } from '../../../src/domain/members/member.commands';
import { memberDecider } from '../../../src/domain/members/member.decide';
import type { MemberEvent } from '../../../src/domain/members/member.events';
import type { LeaveReason, MemberStage } from '../../../src/domain/members/memberStatus';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, branchB2, groupG1, groupG2, registered, TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const register = (overrides: Partial<RegisterMember> = {}): RegisterMember => ({
  type: 'RegisterMember',
  memberId: 'm1',
  name: '张三',
  branchId: 'b1',
  branch: branchB1,
  groupId: 'g1',
  group: groupG1,
  status: 'APPLICANT',
  joinedOn: null,
  effectiveDate: '2020-01-01',
  today: TODAY,
  ...overrides,
});
const advance = (to: MemberStage | null = null, effectiveDate = '2021-01-01'): AdvanceMemberStage => ({
  type: 'AdvanceMemberStage',
  memberId: 'm1',
  to,
  effectiveDate,
  today: TODAY,
});
const left = (overrides: Partial<RecordMemberLeft> = {}): RecordMemberLeft => ({
  type: 'RecordMemberLeft',
  memberId: 'm1',
  reason: 'WITHDREW',
  note: null,
  effectiveDate: '2022-01-01',
  today: TODAY,
  ...overrides,
});
const assign = (groupId: string | null, group = groupId === null ? null : unit(groupId, 'GROUP', { parentId: 'b1' })): AssignGroup => ({
  type: 'AssignGroup',
  memberId: 'm1',
  groupId,
  group,
  effectiveDate: '2021-01-01',
  today: TODAY,
});

const correct = (overrides: Partial<CorrectMemberDetails> = {}): CorrectMemberDetails => ({
  type: 'CorrectMemberDetails',
  memberId: 'm1',
  name: null,
  joinedOn: null,
  reason: null,
  effectiveDate: '2022-01-01',
  today: TODAY,
  ...overrides,
});

const memberLeft = on<MemberEvent>('2021-06-01', {
  type: 'MemberLeft',
  data: { memberId: 'm1', branchId: 'b1', reason: 'DIED', note: null },
});
const stageAdvanced = (date: string, from: MemberStage, to: MemberStage, joinedOn: string | null = null) =>
  on<MemberEvent>(date, { type: 'MemberStageAdvanced', data: { memberId: 'm1', from, to, joinedOn } });

const given = spec(memberDecider).given;

describe('registering a member', () => {
  it('an applicant is registered in a branch and one of its groups, without a political birthday', () => {
    given([])
      .when(register({ name: ' 张三 ' }))
      .then([{ type: 'MemberRegistered', data: { memberId: 'm1', name: '张三', branchId: 'b1', groupId: 'g1', status: 'APPLICANT', joinedOn: null } }]);
  });

  it('a probationary or full member is registered with their political birthday', () => {
    given([])
      .when(register({ status: 'FULL', joinedOn: '1998-07-01', groupId: null, group: null }))
      .then([{ type: 'MemberRegistered', data: { memberId: 'm1', name: '张三', branchId: 'b1', groupId: null, status: 'FULL', joinedOn: '1998-07-01' } }]);
  });

  it('a member cannot be registered twice', () => {
    given([registered()]).when(register()).thenThrows(Conflict, 'MEMBER.ALREADY_EXISTS');
  });

  it('the branch must exist', () => {
    const error = given([])
      .when(register({ branchId: 'b9', branch: null }))
      .thenThrows(NotFound, 'MEMBER.BRANCH_NOT_FOUND');
    expect(error.field).toBe('input.branchId');
  });

  it('a member is registered in a BRANCH, not in a committee or a group', () => {
    given([])
      .when(register({ branchId: 'c1', branch: unit('c1', 'COMMITTEE') }))
      .thenThrows(RuleViolation, 'MEMBER.NOT_A_BRANCH');
    const error = given([])
      .when(register({ branchId: 'g1', branch: groupG1 }))
      .thenThrows(RuleViolation, 'MEMBER.NOT_A_BRANCH');
    expect(error.message).toContain('a GROUP is not a branch');
  });

  it('the branch must be active on the effective date', () => {
    given([])
      .when(register({ branch: { ...branchB1, active: false } }))
      .thenThrows(RuleViolation, 'MEMBER.BRANCH_NOT_ACTIVE');
  });

  it('a branch dissolved on a later day admits nobody: the member would still be in it then', () => {
    const error = given([])
      .when(register({ branch: { ...branchB1, dissolvedOn: '2021-01-01' }, effectiveDate: '2020-06-01' }))
      .thenThrows(RuleViolation, 'MEMBER.BRANCH_DISSOLVED_LATER');
    expect(error.message).toContain('dissolved from 2021-01-01');
  });

  it('a group dissolved on a later day admits nobody either', () => {
    given([])
      .when(register({ group: { ...groupG1, dissolvedOn: '2021-01-01' } }))
      .thenThrows(RuleViolation, 'MEMBER.GROUP_DISSOLVED_LATER');
  });

  it('the group, when given, must exist', () => {
    given([])
      .when(register({ groupId: 'g9', group: null }))
      .thenThrows(NotFound, 'MEMBER.GROUP_NOT_FOUND');
  });

  it('the group, when given, must be a GROUP', () => {
    given([])
      .when(register({ groupId: 'b2', group: branchB2 }))
      .thenThrows(RuleViolation, 'MEMBER.NOT_A_GROUP');
  });

  it('the group must be active on the effective date', () => {
    given([])
      .when(register({ group: { ...groupG1, active: false } }))
      .thenThrows(RuleViolation, 'MEMBER.GROUP_NOT_ACTIVE');
  });

  it('the group must belong to the branch on the effective date', () => {
    const error = given([])
      .when(register({ groupId: 'g7', group: unit('g7', 'GROUP', { parentId: 'b2' }) }))
      .thenThrows(RuleViolation, 'MEMBER.GROUP_NOT_IN_BRANCH');
    expect(error.message).toMatch(/belongs to b2 .* not to branch b1/);
  });

  it('a member is registered at a stage, never as LEFT', () => {
    given([])
      .when(register({ status: 'LEFT' as MemberStage }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
  });

  it.each<MemberStage>(['PROBATIONARY', 'FULL'])('a %s member needs a political birthday', (status) => {
    const error = given([])
      .when(register({ status, joinedOn: null }))
      .thenThrows(InvalidInput, 'MEMBER.JOINED_ON_REQUIRED');
    expect(error.field).toBe('input.joinedOn');
  });

  it('a member at an earlier stage may come with or without a joining date', () => {
    given([])
      .when(register({ status: 'CANDIDATE', joinedOn: '2019-05-04' }))
      .then([{ type: 'MemberRegistered', data: { memberId: 'm1', name: '张三', branchId: 'b1', groupId: 'g1', status: 'CANDIDATE', joinedOn: '2019-05-04' } }]);
  });

  it('the political birthday must be a real date, not in the future', () => {
    const error = given([])
      .when(register({ status: 'FULL', joinedOn: '2023-02-30' }))
      .thenThrows(InvalidInput, 'DATE.INVALID');
    expect(error.field).toBe('input.joinedOn');
    given([])
      .when(register({ status: 'FULL', joinedOn: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });

  it('the name must be 1 to 200 characters without control characters', () => {
    given([])
      .when(register({ name: '' }))
      .thenThrows(InvalidInput, 'INPUT.REQUIRED');
    given([])
      .when(register({ name: '张'.repeat(10_000) }))
      .thenThrows(InvalidInput, 'INPUT.TOO_LONG');
    given([])
      .when(register({ name: '张\n三' }))
      .thenThrows(InvalidInput, 'INPUT.CONTROL_CHARACTER');
  });

  it('the registration date must be a real date, not in the future', () => {
    given([])
      .when(register({ effectiveDate: '2023-02-30' }))
      .thenThrows(InvalidInput, 'DATE.INVALID');
    given([])
      .when(register({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('advancing a member to the next stage', () => {
  it('without a target, a member advances to the next stage', () => {
    given([registered('APPLICANT')])
      .when(advance())
      .then([{ type: 'MemberStageAdvanced', data: { memberId: 'm1', from: 'APPLICANT', to: 'ACTIVIST', joinedOn: null } }]);
  });

  it('the target, when given, must be exactly the next stage', () => {
    given([registered('ACTIVIST')])
      .when(advance('CANDIDATE'))
      .then([{ type: 'MemberStageAdvanced', data: { memberId: 'm1', from: 'ACTIVIST', to: 'CANDIDATE', joinedOn: null } }]);
    const error = given([registered('APPLICANT')])
      .when(advance('PROBATIONARY'))
      .thenThrows(RuleViolation, 'MEMBER.STAGE_ORDER');
    expect(error.message).toContain('a APPLICANT member can only advance to ACTIVIST, not to PROBATIONARY');
  });

  it('a member cannot go back a stage', () => {
    given([registered('CANDIDATE')])
      .when(advance('ACTIVIST'))
      .thenThrows(RuleViolation, 'MEMBER.STAGE_ORDER');
  });

  it('a full member cannot advance', () => {
    given([registered('FULL', '2000-07-01')])
      .when(advance())
      .thenThrows(RuleViolation, 'MEMBER.ALREADY_FULL');
  });

  it('becoming probationary without a political birthday sets it to the effective date', () => {
    given([registered('CANDIDATE')])
      .when(advance(null, '2021-07-01'))
      .then([{ type: 'MemberStageAdvanced', data: { memberId: 'm1', from: 'CANDIDATE', to: 'PROBATIONARY', joinedOn: '2021-07-01' } }]);
    const state = [registered('CANDIDATE'), stageAdvanced('2021-07-01', 'CANDIDATE', 'PROBATIONARY', '2021-07-01')].reduce(evolve, initialMemberState());
    expect(state).toMatchObject({ status: 'PROBATIONARY', joinedOn: '2021-07-01' });
  });

  it('becoming probationary keeps a political birthday already recorded', () => {
    given([registered('CANDIDATE', '2019-05-04')])
      .when(advance())
      .then([{ type: 'MemberStageAdvanced', data: { memberId: 'm1', from: 'CANDIDATE', to: 'PROBATIONARY', joinedOn: null } }]);
  });

  it('only a registered member can advance', () => {
    given([]).when(advance()).thenThrows(NotFound, 'MEMBER.NOT_FOUND');
  });

  it('a member who has left cannot advance', () => {
    given([registered(), memberLeft]).when(advance()).thenThrows(RuleViolation, 'MEMBER.HAS_LEFT');
  });

  it('a change cannot take effect before the member was registered', () => {
    given([registered()]).when(advance(null, '2019-12-31')).thenThrows(RuleViolation, 'DATE.BEFORE_JOINING');
  });

  it("a change cannot take effect before the member's last recorded change", () => {
    given([registered(), stageAdvanced('2021-01-01', 'APPLICANT', 'ACTIVIST')])
      .when(advance(null, '2020-06-01'))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
  });

  it('an advance cannot take effect in the future or on an impossible date', () => {
    given([registered()]).when(advance(null, '2024-07-01')).thenThrows(InvalidInput, 'DATE.IN_FUTURE');
    given([registered()]).when(advance(null, '2023-02-30')).thenThrows(InvalidInput, 'DATE.INVALID');
  });
});

describe('recording that a member left', () => {
  it('the event names the branch the member left from', () => {
    const accepted = on<MemberEvent>('2021-03-10', {
      type: 'TransferAccepted',
      data: { transferId: 't1', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', fromGroupId: 'g1' },
    });
    given([registered(), accepted])
      .when(left({ reason: 'EXPELLED', note: '  严重违纪 ' }))
      .then([{ type: 'MemberLeft', data: { memberId: 'm1', branchId: 'b2', reason: 'EXPELLED', note: '严重违纪' } }]);
  });

  it('only a registered member can leave', () => {
    given([]).when(left()).thenThrows(NotFound, 'MEMBER.NOT_FOUND');
  });

  it('a member cannot leave twice', () => {
    given([registered(), memberLeft]).when(left()).thenThrows(RuleViolation, 'MEMBER.HAS_LEFT');
  });

  it('the reason must be a known leave reason', () => {
    given([registered()])
      .when(left({ reason: 'RETIRED' as LeaveReason }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
  });

  it('the note is at most 2,000 characters', () => {
    given([registered()])
      .when(left({ note: 'x'.repeat(2_001) }))
      .thenThrows(InvalidInput, 'INPUT.TOO_LONG');
  });

  it('leaving cannot take effect before registration', () => {
    given([registered()])
      .when(left({ effectiveDate: '2019-01-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_JOINING');
  });
});

describe('assigning a member to a group of their branch', () => {
  it('a member moves to another group of their branch', () => {
    given([registered()])
      .when(assign('g2', groupG2))
      .then([{ type: 'MemberGroupAssigned', data: { memberId: 'm1', branchId: 'b1', groupId: 'g2', previousGroupId: 'g1' } }]);
  });

  it('a member is removed from their group with an empty group', () => {
    given([registered()])
      .when(assign(null))
      .then([{ type: 'MemberGroupAssigned', data: { memberId: 'm1', branchId: 'b1', groupId: null, previousGroupId: 'g1' } }]);
  });

  it('a member without a group cannot be removed from one', () => {
    const noGroup = on<MemberEvent>('2020-06-01', {
      type: 'MemberGroupAssigned',
      data: { memberId: 'm1', branchId: 'b1', groupId: null, previousGroupId: 'g1' },
    });
    given([registered(), noGroup]).when(assign(null)).thenThrows(RuleViolation, 'MEMBER.NO_GROUP');
  });

  it('the group must exist, be a GROUP and be active', () => {
    given([registered()]).when(assign('g9', null)).thenThrows(NotFound, 'MEMBER.GROUP_NOT_FOUND');
    given([registered()]).when(assign('b2', branchB2)).thenThrows(RuleViolation, 'MEMBER.NOT_A_GROUP');
    given([registered()])
      .when(assign('g2', { ...groupG2, active: false }))
      .thenThrows(RuleViolation, 'MEMBER.GROUP_NOT_ACTIVE');
  });

  it("the group must belong to the member's branch on the effective date", () => {
    given([registered()])
      .when(assign('g7', unit('g7', 'GROUP', { parentId: 'b2' })))
      .thenThrows(RuleViolation, 'MEMBER.GROUP_NOT_IN_BRANCH');
  });

  it('the group must differ from the current one', () => {
    given([registered()]).when(assign('g1', groupG1)).thenThrows(RuleViolation, 'MEMBER.SAME_GROUP');
  });

  it('a member who has left cannot be assigned a group', () => {
    given([registered(), memberLeft]).when(assign('g2', groupG2)).thenThrows(RuleViolation, 'MEMBER.HAS_LEFT');
  });

  it('an assignment cannot take effect before the last recorded change', () => {
    given([registered(), stageAdvanced('2021-06-01', 'APPLICANT', 'ACTIVIST')])
      .when(assign('g2', groupG2))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
  });
});

describe('correcting what the records say about a member', () => {
  it('a mistyped name is corrected, trimmed, with the name it replaces', () => {
    given([registered('FULL', '2012-07-01')])
      .when(correct({ name: '  张山 ', reason: 'Mistyped at registration' }))
      .then([
        {
          type: 'MemberDetailsCorrected',
          data: {
            memberId: 'm1',
            name: '张山',
            previousName: '张三',
            joinedOn: '2012-07-01',
            previousJoinedOn: '2012-07-01',
            reason: 'Mistyped at registration',
          },
        },
      ]);
  });

  it('a political birthday is corrected, and the corrected state is what later commands see', () => {
    given([registered('FULL', '2012-07-01')])
      .when(correct({ joinedOn: '2012-06-01' }))
      .then([
        {
          type: 'MemberDetailsCorrected',
          data: { memberId: 'm1', name: '张三', previousName: '张三', joinedOn: '2012-06-01', previousJoinedOn: '2012-07-01', reason: null },
        },
      ]);
    const corrected = on<MemberEvent>('2022-01-01', {
      type: 'MemberDetailsCorrected',
      data: { memberId: 'm1', name: '张山', previousName: '张三', joinedOn: '2012-06-01', previousJoinedOn: '2012-07-01', reason: null },
    });
    expect([registered('FULL', '2012-07-01'), corrected].reduce(evolve, initialMemberState())).toMatchObject({ name: '张山', joinedOn: '2012-06-01' });
  });

  it('a correction that changes nothing is refused', () => {
    given([registered()])
      .when(correct({ name: '张三 ' }))
      .thenThrows(RuleViolation, 'MEMBER.NOTHING_TO_CORRECT');
    given([registered()]).when(correct()).thenThrows(RuleViolation, 'MEMBER.NOTHING_TO_CORRECT');
  });

  it('a political birthday can only be corrected once the member has one', () => {
    const error = given([registered('CANDIDATE')])
      .when(correct({ joinedOn: '2019-01-01' }))
      .thenThrows(RuleViolation, 'MEMBER.NOT_JOINED');
    expect(error.field).toBe('input.joinedOn');
  });

  it('the corrected values follow the rules of registration', () => {
    given([registered()])
      .when(correct({ name: '   ' }))
      .thenThrows(InvalidInput, 'INPUT.REQUIRED');
    given([registered('FULL', '2012-07-01')])
      .when(correct({ joinedOn: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });

  it('only a registered member can be corrected, in the order of their record', () => {
    given([])
      .when(correct({ name: '李四' }))
      .thenThrows(NotFound, 'MEMBER.NOT_FOUND');
    given([registered(), stageAdvanced('2022-06-01', 'APPLICANT', 'ACTIVIST')])
      .when(correct({ name: '李四' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
  });

  it('the record of a member who has left can still be corrected', () => {
    given([registered(), memberLeft])
      .when(correct({ name: '张山' }))
      .then([
        { type: 'MemberDetailsCorrected', data: { memberId: 'm1', name: '张山', previousName: '张三', joinedOn: null, previousJoinedOn: null, reason: null } },
      ]);
  });
});
