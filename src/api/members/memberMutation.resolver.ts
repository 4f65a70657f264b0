import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RememberedResult } from '../../app/commands/idempotency';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import {
  AcceptTransferInput,
  AdvanceMemberStageInput,
  AssignGroupInput,
  CorrectMemberDetailsInput,
  MemberLeftInput,
  RegisterMemberInput,
  RejectTransferInput,
  RequestTransferInput,
} from './member.inputs';
import type { MutationInput } from '../shared/mutationInput';
import { toMember } from './member.type';
import { MemberPayload } from './member.payload';
import { TransferPayload } from './transfer.payload';
import { toTransfer } from './transfer.type';
import { mutationOptions } from '../shared/mutationOptions';
import { memberLoaders } from './memberLoaders';

@Resolver()
export class MemberMutationResolver {
  @Mutation(() => MemberPayload, { description: 'Registers a member in a branch (and optionally one of its groups).' })
  async registerMember(@Arg('input', () => RegisterMemberInput) input: RegisterMemberInput, @Ctx() context: ApiContext): Promise<MemberPayload> {
    const { name, branchId, groupId, status, joinedOn } = input;
    return memberPayload(context, input, await context.app.members.register({ name, branchId, groupId, status, joinedOn }, mutationOptions(input, context)));
  }

  @Mutation(() => MemberPayload, { description: 'Moves a member to the next stage: applicant, activist, candidate, probationary, full.' })
  async advanceMemberStage(@Arg('input', () => AdvanceMemberStageInput) input: AdvanceMemberStageInput, @Ctx() context: ApiContext): Promise<MemberPayload> {
    const { memberId, to } = input;
    return memberPayload(context, input, await context.app.members.advanceStage({ memberId, to }, mutationOptions(input, context)));
  }

  @Mutation(() => MemberPayload, { description: 'Records that a member left the organization; an open transfer is cancelled.' })
  async memberLeft(@Arg('input', () => MemberLeftInput) input: MemberLeftInput, @Ctx() context: ApiContext): Promise<MemberPayload> {
    const { memberId, reason, note } = input;
    return memberPayload(context, input, await context.app.members.left({ memberId, reason, note }, mutationOptions(input, context)));
  }

  @Mutation(() => MemberPayload, { description: 'Assigns a member to a group of their branch, or (groupId: null) removes them from their group.' })
  async assignGroup(@Arg('input', () => AssignGroupInput) input: AssignGroupInput, @Ctx() context: ApiContext): Promise<MemberPayload> {
    const { memberId, groupId } = input;
    return memberPayload(context, input, await context.app.members.assignGroup({ memberId, groupId }, mutationOptions(input, context)));
  }

  @Mutation(() => MemberPayload, { description: 'Corrects a mistyped name or political birthday without retracting the registration.' })
  async correctMemberDetails(
    @Arg('input', () => CorrectMemberDetailsInput) input: CorrectMemberDetailsInput,
    @Ctx() context: ApiContext,
  ): Promise<MemberPayload> {
    const { memberId, name, joinedOn, reason } = input;
    return memberPayload(context, input, await context.app.members.correctDetails({ memberId, name, joinedOn, reason }, mutationOptions(input, context)));
  }

  @Mutation(() => TransferPayload, { description: 'The sending side issues a transfer to another branch; it waits for the receiving branch.' })
  async requestTransfer(@Arg('input', () => RequestTransferInput) input: RequestTransferInput, @Ctx() context: ApiContext): Promise<TransferPayload> {
    const { memberId, toBranchId, reason } = input;
    return transferPayload(context, input, await context.app.members.requestTransfer({ memberId, toBranchId, reason }, mutationOptions(input, context)));
  }

  @Mutation(() => TransferPayload, { description: 'The receiving branch accepts: the member belongs to it from the effective date, and leaves their group.' })
  async acceptTransfer(@Arg('input', () => AcceptTransferInput) input: AcceptTransferInput, @Ctx() context: ApiContext): Promise<TransferPayload> {
    return transferPayload(context, input, await context.app.members.acceptTransfer({ transferId: input.transferId }, mutationOptions(input, context)));
  }

  @Mutation(() => TransferPayload, { description: 'The receiving branch rejects the transfer; the member stays where they are.' })
  async rejectTransfer(@Arg('input', () => RejectTransferInput) input: RejectTransferInput, @Ctx() context: ApiContext): Promise<TransferPayload> {
    const { transferId, reason } = input;
    return transferPayload(context, input, await context.app.members.rejectTransfer({ transferId, reason }, mutationOptions(input, context)));
  }
}

async function memberPayload(context: ApiContext, input: MutationInput, result: RememberedResult): Promise<MemberPayload> {
  const date = input.effectiveDate ?? context.today;
  const found = await memberLoaders(context.live).on.load({ id: result.subjectId, date });
  return { ...writeResultOf(result), member: found ? toMember(found, date, context.live) : null };
}

async function transferPayload(context: ApiContext, input: MutationInput, result: RememberedResult): Promise<TransferPayload> {
  const payload = await memberPayload(context, input, result);
  const transfer = result.transferId ? await memberLoaders(context.live).transfer.load(result.transferId) : undefined;
  return { ...payload, transfer: transfer ? toTransfer(transfer, context.live) : null };
}
