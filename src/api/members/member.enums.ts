import { registerEnumType } from 'type-graphql';
import { LEAVE_REASONS, MEMBER_STAGES, MEMBER_STATUSES } from '../../domain/members/memberStatus';
import { enumOf } from '../shared/enumOf';

export const MemberStatusEnum = enumOf(MEMBER_STATUSES);
registerEnumType(MemberStatusEnum, {
  name: 'MemberStatus',
  description: 'Stages of membership in order (applicant, activist, candidate, probationary, full), or LEFT.',
});

export const MemberStageEnum = enumOf(MEMBER_STAGES);
registerEnumType(MemberStageEnum, { name: 'MemberStage', description: 'A stage of membership a member can be registered at or advanced to.' });

export const LeaveReasonEnum = enumOf(LEAVE_REASONS);
registerEnumType(LeaveReasonEnum, { name: 'LeaveReason', description: 'Why a member left the organization.' });

export const TransferStatusEnum = enumOf(['OPEN', 'ACCEPTED', 'REJECTED', 'EXPIRED', 'CANCELLED'] as const);
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: 'OPEN until the receiving branch accepts or rejects it, it expires, or the member leaves (CANCELLED).',
});
