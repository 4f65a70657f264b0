import type { LeaveReason, MemberStage } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey, TransferKey, UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedMemberCommand =
  | {
      kind: 'registerMember';
      on: LocalDate;
      member: MemberKey;
      name: string;
      branch: UnitKey;
      group: UnitKey | null;
      status: MemberStage;
      joinedOn: LocalDate | null;
    }
  | { kind: 'advanceStage'; on: LocalDate; member: MemberKey; to: MemberStage }
  | { kind: 'assignGroup'; on: LocalDate; member: MemberKey; group: UnitKey }
  | { kind: 'requestTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey; toBranch: UnitKey; reason: string }
  | { kind: 'acceptTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey }
  | { kind: 'rejectTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey; reason: string }
  | { kind: 'expireTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey }
  | { kind: 'memberLeft'; on: LocalDate; member: MemberKey; reason: LeaveReason; note: string };

const ofMember = (command: { member: MemberKey }): string => command.member;

export const memberSeedCommands: SeedCommands<PlannedMemberCommand> = {
  registerMember: {
    aggregateKey: ofMember,
    unitsRead: (command) => (command.group === null ? [command.branch] : [command.branch, command.group]),
    async run(app, command, ids, { mutation }) {
      const { name, branch, group, status, joinedOn } = command;
      const result = await app.members.register({ name, branchId: ids.of(branch), groupId: ids.optional(group), status, joinedOn }, mutation);
      ids.set(command.member, result.subjectId);
      return result;
    },
  },
  advanceStage: {
    aggregateKey: ofMember,
    run: (app, command, ids, { mutation }) => app.members.advanceStage({ memberId: ids.of(command.member), to: command.to }, mutation),
  },
  assignGroup: {
    aggregateKey: ofMember,
    unitsRead: (command) => [command.group],
    run: (app, command, ids, { mutation }) => app.members.assignGroup({ memberId: ids.of(command.member), groupId: ids.of(command.group) }, mutation),
  },
  requestTransfer: {
    aggregateKey: ofMember,
    unitsRead: (command) => [command.toBranch],
    async run(app, command, ids, { mutation }) {
      const result = await app.members.requestTransfer(
        { memberId: ids.of(command.member), toBranchId: ids.of(command.toBranch), reason: command.reason },
        mutation,
      );
      if (result.transferId === undefined) throw new Error(`requestTransfer returned no transferId for ${command.transfer}`);
      ids.set(command.transfer, result.transferId);
      return result;
    },
  },
  acceptTransfer: {
    aggregateKey: ofMember,
    run: (app, command, ids, { mutation }) => app.members.acceptTransfer({ transferId: ids.of(command.transfer) }, mutation),
  },
  rejectTransfer: {
    aggregateKey: ofMember,
    run: (app, command, ids, { mutation }) => app.members.rejectTransfer({ transferId: ids.of(command.transfer), reason: command.reason }, mutation),
  },
  expireTransfer: {
    aggregateKey: ofMember,
    run: (app, command, ids, { mutation }) => app.members.expireTransfer({ transferId: ids.of(command.transfer) }, mutation),
  },
  memberLeft: {
    aggregateKey: ofMember,
    run: (app, command, ids, { mutation }) => app.members.left({ memberId: ids.of(command.member), reason: command.reason, note: command.note }, mutation),
  },
};
