import { registerEnumType } from 'type-graphql';
import { LEAVE_REASONS, MEMBER_STAGES, MEMBER_STATUSES } from '../../domain/members/memberStatus';
import { UNIT_LEVELS } from '../../domain/units/unitLevel';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const UnitLevelEnum = enumOf(UNIT_LEVELS);
registerEnumType(UnitLevelEnum, { name: 'UnitLevel', description: 'Levels of units, top down: a district, a committee, a branch, a group.' });

export const MemberStatusEnum = enumOf(MEMBER_STATUSES);
registerEnumType(MemberStatusEnum, {
  name: 'MemberStatus',
  description: 'Stages of membership in order (applicant, activist, candidate, probationary, full), or LEFT.',
});

export const MemberStageEnum = enumOf(MEMBER_STAGES);
registerEnumType(MemberStageEnum, { name: 'MemberStage', description: 'A stage of membership a member can be registered at or advanced to.' });

export const LeaveReasonEnum = enumOf(LEAVE_REASONS);
registerEnumType(LeaveReasonEnum, { name: 'LeaveReason', description: 'Why a member left the organization.' });

export const UnitStatusEnum = enumOf(['ACTIVE', 'DISSOLVED'] as const);
registerEnumType(UnitStatusEnum, { name: 'UnitStatus', description: 'Whether a unit was active or dissolved on the date asked about.' });

export const TransferStatusEnum = enumOf(['OPEN', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'CANCELLED'] as const);
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: 'OPEN until the receiving branch accepts or rejects it, it expires, or the member leaves (CANCELLED).',
});
