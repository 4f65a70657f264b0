import type { MemberEvent } from '../../src/domain/members/member.events';
import type { MemberStage } from '../../src/domain/members/memberStatus';
import type { UnitLevel } from '../../src/domain/units/unitLevel';
import type { UnitOnDate } from '../../src/domain/units/unitOnDate';
import { on } from './deciderSpecification';

/** The caller's "today" in every decider test. */
export const TODAY = '2024-06-30';

/** A unit as a command handler would resolve it for a decider: active, under `parentId`. */
export const unit = (unitId: string, level: UnitLevel, overrides: Partial<UnitOnDate> = {}): UnitOnDate => ({
  unitId,
  level,
  name: `${level.toLowerCase()} ${unitId}`,
  parentId: null,
  active: true,
  dissolvedOn: null,
  ...overrides,
});

/** Branch b1 (with groups g1, g2) and branch b2, all under committee c1. */
export const branchB1 = unit('b1', 'BRANCH', { parentId: 'c1' });
export const branchB2 = unit('b2', 'BRANCH', { parentId: 'c1' });
export const groupG1 = unit('g1', 'GROUP', { parentId: 'b1' });
export const groupG2 = unit('g2', 'GROUP', { parentId: 'b1' });

/** Member m1, registered on 2020-01-01 in branch b1, group g1. */
export const registered = (status: MemberStage = 'APPLICANT', joinedOn: string | null = null) =>
  on<MemberEvent>('2020-01-01', {
    type: 'MemberRegistered',
    data: { memberId: 'm1', name: '张三', branchId: 'b1', groupId: 'g1', status, joinedOn },
  });

/** Transfer t1 of m1 from b1 to b2, requested on `requestedOn`, answerable until `expiresOn`. */
export const transferRequested = (requestedOn = '2021-03-01', expiresOn = '2021-03-31') =>
  on<MemberEvent>(requestedOn, {
    type: 'TransferRequested',
    data: { transferId: 't1', memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2', reason: null, expiresOn },
  });
