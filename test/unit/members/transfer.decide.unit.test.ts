import { evolve, initialMemberState } from '../../../src/domain/members/member';
import type { AcceptTransfer, ExpireTransfer, RejectTransfer, RequestTransfer } from '../../../src/domain/members/member.commands';
import { memberDecider } from '../../../src/domain/members/member.decide';
import type { MemberEvent } from '../../../src/domain/members/member.events';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, branchB2, groupG1, registered, TODAY, transferRequested, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const request = (overrides: Partial<RequestTransfer> = {}): RequestTransfer => ({
  type: 'RequestTransfer',
  memberId: 'm1',
  transferId: 't2',
  toBranchId: 'b2',
  toBranch: branchB2,
  reason: null,
  expiryDays: 30,
  effectiveDate: '2021-05-01',
  today: TODAY,
  ...overrides,
});
const accept = (overrides: Partial<AcceptTransfer> = {}): AcceptTransfer => ({
  type: 'AcceptTransfer',
  memberId: 'm1',
  transferId: 't1',
  toBranch: branchB2,
  effectiveDate: '2021-03-10',
  today: TODAY,
  ...overrides,
});
const reject = (overrides: Partial<RejectTransfer> = {}): RejectTransfer => ({
  type: 'RejectTransfer',
  memberId: 'm1',
  transferId: 't1',
  reason: null,
  effectiveDate: '2021-03-10',
  today: TODAY,
  ...overrides,
});
const expire = (overrides: Partial<ExpireTransfer> = {}): ExpireTransfer => ({
  type: 'ExpireTransfer',
  memberId: 'm1',
  transferId: 't1',
  effectiveDate: '2021-04-01',
  today: TODAY,
  ...overrides,
});

const requestedT2 = (expiresOn: string): MemberEvent => ({
  type: 'TransferRequested',
  data: { transferId: 't2', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', reason: null, expiresOn },
});
const rejected = on<MemberEvent>('2021-03-05', { type: 'TransferRejected', data: { transferId: 't1', memberId: 'm1', reason: null } });
const accepted = on<MemberEvent>('2021-03-05', {
  type: 'TransferAccepted',
  data: { transferId: 't1', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', fromGroupId: 'g1' },
});
const memberLeft = on<MemberEvent>('2021-03-05', { type: 'MemberLeft', data: { memberId: 'm1', branchId: 'b1', reason: 'DIED', note: null } });

const given = spec(memberDecider).given;

describe('requesting a transfer', () => {
  it('a transfer to another branch is requested, expiring the given number of days after its effective date', () => {
    given([registered()])
      .when(request({ reason: ' 工作调动 ', expiryDays: 31 }))
      .then([
        {
          type: 'TransferRequested',
          data: { transferId: 't2', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', reason: '工作调动', expiresOn: '2021-06-01' },
        },
      ]);
  });

  it('a member has at most one open transfer, up to and including its last day', () => {
    const error = given([registered(), transferRequested()])
      .when(request({ effectiveDate: '2021-03-31' }))
      .thenThrows(RuleViolation, 'TRANSFER.ALREADY_OPEN');
    expect(error.message).toContain('t1');
  });

  it('an open transfer past its last day is recorded as expired before the new request', () => {
    given([registered(), transferRequested()])
      .when(request({ effectiveDate: '2021-04-01' }))
      .then([{ type: 'TransferExpired', data: { transferId: 't1', memberId: 'm1' } }, requestedT2('2021-05-01')]);
  });

  it('a transfer id cannot be reused', () => {
    given([registered(), transferRequested()])
      .when(request({ transferId: 't1' }))
      .thenThrows(Conflict, 'TRANSFER.ALREADY_EXISTS');
    given([registered(), transferRequested(), rejected])
      .when(request({ transferId: 't1' }))
      .thenThrows(Conflict, 'TRANSFER.ALREADY_EXISTS');
  });

  it('the receiving branch must exist', () => {
    const error = given([registered()])
      .when(request({ toBranchId: 'b9', toBranch: null }))
      .thenThrows(NotFound, 'TRANSFER.BRANCH_NOT_FOUND');
    expect(error.field).toBe('input.toBranchId');
  });

  it('a member is transferred to a BRANCH: a group is not a branch', () => {
    const error = given([registered()])
      .when(request({ toBranchId: 'g1', toBranch: groupG1 }))
      .thenThrows(RuleViolation, 'TRANSFER.NOT_A_BRANCH');
    expect(error.message).toContain('a GROUP is not a branch');
    given([registered()])
      .when(request({ toBranchId: 'c1', toBranch: unit('c1', 'COMMITTEE') }))
      .thenThrows(RuleViolation, 'TRANSFER.NOT_A_BRANCH');
  });

  it('the receiving branch must be active on the effective date', () => {
    given([registered()])
      .when(request({ toBranch: { ...branchB2, active: false } }))
      .thenThrows(RuleViolation, 'TRANSFER.BRANCH_NOT_ACTIVE');
  });

  it("the receiving branch is not the member's current branch", () => {
    given([registered()])
      .when(request({ toBranchId: 'b1', toBranch: branchB1 }))
      .thenThrows(RuleViolation, 'TRANSFER.SAME_BRANCH');
  });

  it('a member who has left cannot be transferred', () => {
    given([registered(), memberLeft]).when(request()).thenThrows(RuleViolation, 'MEMBER.HAS_LEFT');
  });

  it('the expiry is a whole number of days, at least one', () => {
    given([registered()])
      .when(request({ expiryDays: 0 }))
      .thenThrows(InvalidInput, 'INPUT.OUT_OF_RANGE');
    given([registered()])
      .when(request({ expiryDays: 1.5 }))
      .thenThrows(InvalidInput, 'INPUT.OUT_OF_RANGE');
  });

  it('a request cannot take effect in the future, on an impossible date or before the last change', () => {
    given([registered()])
      .when(request({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
    given([registered()])
      .when(request({ effectiveDate: '2021-02-29' }))
      .thenThrows(InvalidInput, 'DATE.INVALID');
    given([registered(), transferRequested(), rejected])
      .when(request({ effectiveDate: '2021-03-04' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
  });
});

describe('accepting a transfer', () => {
  it('the member moves to the receiving branch and leaves their group', () => {
    given([registered(), transferRequested()])
      .when(accept())
      .then([{ type: 'TransferAccepted', data: { transferId: 't1', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', fromGroupId: 'g1' } }]);
    const state = [registered(), transferRequested(), accepted].reduce(evolve, initialMemberState());
    expect(state).toMatchObject({ branchId: 'b2', groupId: null, openTransfer: null, closedTransfers: { t1: 'ACCEPTED' } });
  });

  it('an unknown transfer cannot be accepted', () => {
    given([registered(), transferRequested()])
      .when(accept({ transferId: 't9' }))
      .thenThrows(NotFound, 'TRANSFER.NOT_FOUND');
  });

  it('a closed transfer cannot be accepted, and the error says how it was closed', () => {
    const error = given([registered(), transferRequested(), rejected]).when(accept()).thenThrows(RuleViolation, 'TRANSFER.NOT_OPEN');
    expect(error.message).toContain('REJECTED');
  });

  it('a transfer is accepted on its last day but not after it', () => {
    given([registered(), transferRequested()])
      .when(accept({ effectiveDate: '2021-03-31' }))
      .then([{ type: 'TransferAccepted', data: { transferId: 't1', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', fromGroupId: 'g1' } }]);
    given([registered(), transferRequested()])
      .when(accept({ effectiveDate: '2021-04-01' }))
      .thenThrows(RuleViolation, 'TRANSFER.EXPIRED');
  });

  it('an acceptance cannot take effect before the request', () => {
    given([registered(), transferRequested()])
      .when(accept({ effectiveDate: '2021-02-28' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_REQUEST');
  });

  it('the receiving branch must still be active on the effective date', () => {
    given([registered(), transferRequested()])
      .when(accept({ toBranch: { ...branchB2, active: false } }))
      .thenThrows(RuleViolation, 'TRANSFER.BRANCH_NOT_ACTIVE');
    given([registered(), transferRequested()])
      .when(accept({ toBranch: null }))
      .thenThrows(NotFound, 'TRANSFER.BRANCH_NOT_FOUND');
  });

  it("a member's leaving closes their open transfer", () => {
    const state = [registered(), transferRequested(), memberLeft].reduce(evolve, initialMemberState());
    expect(state).toMatchObject({ status: 'LEFT', leftOn: '2021-03-05', openTransfer: null, closedTransfers: { t1: 'CANCELLED' } });
    const error = given([registered(), transferRequested(), memberLeft]).when(accept()).thenThrows(RuleViolation, 'TRANSFER.NOT_OPEN');
    expect(error.message).toContain('CANCELLED');
  });

  it('an acceptance cannot take effect in the future', () => {
    given([registered(), transferRequested()])
      .when(accept({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('rejecting a transfer', () => {
  it('the open transfer is rejected with a reason', () => {
    given([registered(), transferRequested()])
      .when(reject({ reason: '材料不全' }))
      .then([{ type: 'TransferRejected', data: { transferId: 't1', memberId: 'm1', reason: '材料不全' } }]);
  });

  it('only the open transfer can be rejected', () => {
    given([registered()]).when(reject()).thenThrows(NotFound, 'TRANSFER.NOT_FOUND');
    const error = given([registered(), transferRequested(), accepted]).when(reject()).thenThrows(RuleViolation, 'TRANSFER.NOT_OPEN');
    expect(error.message).toContain('ACCEPTED');
  });

  it('a transfer past its last day cannot be rejected', () => {
    given([registered(), transferRequested()])
      .when(reject({ effectiveDate: '2021-04-01' }))
      .thenThrows(RuleViolation, 'TRANSFER.EXPIRED');
  });

  it('the reason is at most 2,000 characters', () => {
    given([registered(), transferRequested()])
      .when(reject({ reason: 'x'.repeat(2_001) }))
      .thenThrows(InvalidInput, 'INPUT.TOO_LONG');
  });
});

describe('expiring a transfer', () => {
  it('an unanswered transfer expires once its last day has passed', () => {
    given([registered(), transferRequested()])
      .when(expire())
      .then([{ type: 'TransferExpired', data: { transferId: 't1', memberId: 'm1' } }]);
    const state = [
      registered(),
      transferRequested(),
      on<MemberEvent>('2021-04-01', { type: 'TransferExpired', data: { transferId: 't1', memberId: 'm1' } }),
    ].reduce(evolve, initialMemberState());
    expect(state).toMatchObject({ branchId: 'b1', openTransfer: null, closedTransfers: { t1: 'EXPIRED' } });
  });

  it('a transfer does not expire while it can still be answered', () => {
    given([registered(), transferRequested()])
      .when(expire({ effectiveDate: '2021-03-31', today: '2021-03-31' }))
      .thenThrows(RuleViolation, 'TRANSFER.NOT_EXPIRED');
    given([registered(), transferRequested()])
      .when(expire({ effectiveDate: '2021-03-31' }))
      .thenThrows(RuleViolation, 'TRANSFER.NOT_EXPIRED');
  });

  it('only the open transfer can expire', () => {
    given([registered()]).when(expire()).thenThrows(NotFound, 'TRANSFER.NOT_FOUND');
    given([registered(), transferRequested(), rejected]).when(expire()).thenThrows(RuleViolation, 'TRANSFER.NOT_OPEN');
  });
});
