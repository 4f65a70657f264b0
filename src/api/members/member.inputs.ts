import { Field, ID, InputType } from 'type-graphql';
import type { LeaveReason, MemberStage } from '../../domain/members/memberStatus';
import { DateScalar } from '../shared/dateScalar';
import { LeaveReasonEnum, MemberStageEnum } from './member.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class RegisterMemberInput extends MutationInput {
  @Field()
  name!: string;

  @Field(() => ID, { description: 'A BRANCH active on the effective date.' })
  branchId!: string;

  @Field(() => ID, { nullable: true, description: 'Optionally a GROUP of that branch.' })
  groupId?: string | null;

  @Field(() => MemberStageEnum)
  status!: MemberStage;

  @Field(() => DateScalar, { nullable: true, description: 'The political birthday; required for PROBATIONARY and FULL members.' })
  joinedOn?: string | null;
}

@InputType()
export class AdvanceMemberStageInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => MemberStageEnum, { nullable: true, description: 'Default: the next stage. Only the next stage is allowed.' })
  to?: MemberStage | null;
}

@InputType()
export class MemberLeftInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => LeaveReasonEnum)
  reason!: LeaveReason;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RequestTransferInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { description: 'The receiving BRANCH (not a group, not the current branch).' })
  toBranchId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class AcceptTransferInput extends MutationInput {
  @Field(() => ID)
  transferId!: string;
}

@InputType()
export class RejectTransferInput extends MutationInput {
  @Field(() => ID)
  transferId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class AssignGroupInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { nullable: true, description: "A GROUP of the member's branch; null removes the member from their group." })
  groupId?: string | null;
}

@InputType({
  description:
    'Fixes a mistyped name or political birthday; give at least one. The correction holds for every date; effectiveDate defaults to the member’s last recorded change. The history keeps what the records said before.',
})
export class CorrectMemberDetailsInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { nullable: true, description: 'The name as it should have been recorded; omitted: unchanged.' })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The political birthday as it should have been recorded; omitted: unchanged.' })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the record is corrected.' })
  reason?: string | null;
}
