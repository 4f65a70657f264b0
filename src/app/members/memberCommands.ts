import { randomUUID } from 'node:crypto';
import type { MemberCommand } from '../../domain/members/member.commands';
import type { LeaveReason, MemberStage } from '../../domain/members/memberStatus';
import { NotFound } from '../../domain/shared/errors';
import type { MemberState } from '../../domain/members/member';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner, MutationScope } from '../commands/mutationRunner';
import type { ReadModelCatchUp } from '../commands/readModelCatchUp';
import type { GatePass } from '../commands/gates';
import { unitGates } from '../units/unitGates';
import type { UnitStreamFacts } from '../units/unitStreamFacts';
import type { TransferReadFacts } from './transferReadFacts';

export interface RegisterMemberInput {
  name: string;
  branchId: string;
  groupId?: string | null;
  status: MemberStage;
  joinedOn?: string | null;
}

/** Commands on members: registration, stages, leaving, transfers, group assignment and corrections of their details. */
export class MemberCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly members: CommandPath<MemberCommand, MemberState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly transferReadFacts: TransferReadFacts,
    private readonly readModels: ReadModelCatchUp,
    private readonly transferExpiryDays: number,
  ) {}

  register(input: RegisterMemberInput, options: MutationOptions): Promise<RememberedResult> {
    const memberId = randomUUID();
    const createsStream = true;
    return this.onMember(
      'registerMember',
      memberId,
      input,
      options,
      async ({ effectiveDate, today }) => ({
        type: 'RegisterMember',
        memberId,
        name: input.name,
        branchId: input.branchId,
        branch: await this.unitStreamFacts.onDate(input.branchId, effectiveDate),
        groupId: input.groupId ?? null,
        group: await this.unitStreamFacts.onDate(input.groupId, effectiveDate),
        status: input.status,
        joinedOn: input.joinedOn ?? null,
        effectiveDate,
        today,
      }),
      undefined,
      createsStream,
      unitGates.placementIn(input.branchId, input.groupId),
    );
  }

  advanceStage(input: { memberId: string; to?: MemberStage | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.onMember('advanceMemberStage', input.memberId, input, options, ({ effectiveDate, today }) => ({
      type: 'AdvanceMemberStage',
      memberId: input.memberId,
      to: input.to ?? null,
      effectiveDate,
      today,
    }));
  }

  left(input: { memberId: string; reason: LeaveReason; note?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.onMember('memberLeft', input.memberId, input, options, ({ effectiveDate, today }) => ({
      type: 'RecordMemberLeft',
      memberId: input.memberId,
      reason: input.reason,
      note: input.note ?? null,
      effectiveDate,
      today,
    }));
  }

  requestTransfer(input: { memberId: string; toBranchId: string; reason?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    const transferId = randomUUID();
    return this.onMember(
      'requestTransfer',
      input.memberId,
      input,
      options,
      async ({ effectiveDate, today }) => ({
        type: 'RequestTransfer',
        memberId: input.memberId,
        transferId,
        toBranchId: input.toBranchId,
        toBranch: await this.unitStreamFacts.onDate(input.toBranchId, effectiveDate),
        reason: input.reason ?? null,
        expiryDays: this.transferExpiryDays,
        effectiveDate,
        today,
      }),
      transferId,
    );
  }

  acceptTransfer(input: { transferId: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.onTransfer(
      'acceptTransfer',
      input,
      options,
      async (memberId, { effectiveDate, today }, state) => ({
        type: 'AcceptTransfer',
        memberId,
        transferId: input.transferId,
        toBranch: await this.unitStreamFacts.onDate(state.exists ? state.openTransfer?.toBranchId : null, effectiveDate),
        effectiveDate,
        today,
      }),
      true,
    );
  }

  rejectTransfer(input: { transferId: string; reason?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.onTransfer('rejectTransfer', input, options, (memberId, { effectiveDate, today }) => ({
      type: 'RejectTransfer',
      memberId,
      transferId: input.transferId,
      reason: input.reason ?? null,
      effectiveDate,
      today,
    }));
  }

  expireTransfer(input: { transferId: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.onTransfer('expireTransfer', input, options, (memberId, { effectiveDate, today }) => ({
      type: 'ExpireTransfer',
      memberId,
      transferId: input.transferId,
      effectiveDate,
      today,
    }));
  }

  assignGroup(input: { memberId: string; groupId?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.onMember(
      'assignGroup',
      input.memberId,
      input,
      options,
      async ({ effectiveDate, today }) => ({
        type: 'AssignGroup',
        memberId: input.memberId,
        groupId: input.groupId ?? null,
        group: await this.unitStreamFacts.onDate(input.groupId, effectiveDate),
        effectiveDate,
        today,
      }),
      undefined,
      false,
      unitGates.placementIn(input.groupId),
    );
  }

  correctDetails(
    input: { memberId: string; name?: string | null; joinedOn?: string | null; reason?: string | null },
    options: MutationOptions,
  ): Promise<RememberedResult> {
    return this.onMember('correctMemberDetails', input.memberId, input, options, ({ effectiveDate, today }, state) => ({
      type: 'CorrectMemberDetails',
      memberId: input.memberId,
      name: input.name ?? null,
      joinedOn: input.joinedOn ?? null,
      reason: input.reason ?? null,
      // A correction holds for every date: by default it is dated at the member's last change, so
      // it moves nothing later facts are decided on (backdated ones, an automatic expiry).
      effectiveDate: options.effectiveDate ?? (state.exists ? state.lastChangeOn : effectiveDate),
      today,
    }));
  }

  private onMember(
    mutation: string,
    memberId: string,
    input: object,
    options: MutationOptions,
    commandFor: (scope: MutationScope, state: MemberState) => MemberCommand | Promise<MemberCommand>,
    transferId?: string,
    createsStream = false,
    gates: GatePass[] = [],
  ): Promise<RememberedResult> {
    return this.runner.run(mutation, input, options, async (scope) => {
      const result = await this.members.handle(memberId, (state) => commandFor(scope, state), { ...scope.commandOptions, createsStream, gates });
      return { ...result, subjectId: memberId, transferId };
    });
  }

  /** A transfer lives in its member's stream; the transfers read model says which member. */
  private onTransfer(
    mutation: string,
    input: { transferId: string },
    options: MutationOptions,
    commandFor: (memberId: string, scope: MutationScope, state: MemberState) => MemberCommand | Promise<MemberCommand>,
    /** The command places the member in the receiving branch (it passes that branch's gate). */
    movesMember = false,
  ): Promise<RememberedResult> {
    return this.runner.run(mutation, input, options, async (scope) => {
      await this.readModels.upToDate();
      const transfer = await this.transferReadFacts.transfer(input.transferId);
      if (!transfer) throw new NotFound('TRANSFER.NOT_FOUND', `input.transferId: no transfer "${input.transferId}"`, 'input.transferId');
      const memberId = transfer.memberId;
      const gates = movesMember ? unitGates.placementIn(transfer.toBranchId) : [];
      const result = await this.members.handle(memberId, (state) => commandFor(memberId, scope, state), { ...scope.commandOptions, gates });
      return { ...result, subjectId: memberId, transferId: input.transferId };
    });
  }
}
