import type { MemberStatus } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { Organization } from '../units/planOrganization';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** A member on one date, as the planned commands dated up to that day leave them. */
export interface PlannedMemberOnDate {
  status: MemberStatus;
  branch: UnitKey;
}

/**
 * Where members and branches stand on a date, replayed from the planned commands, so that awards
 * are only planned for recipients and granting units the award rules accept on that day.
 */
export class PlanTimelines {
  private readonly memberCommands = new Map<MemberKey, PlannedCommand[]>();
  private readonly transferTargets = new Map<string, UnitKey>();
  private readonly moves = new Map<UnitKey, { on: LocalDate; parent: UnitKey }[]>();
  private readonly committeeOf = new Map<UnitKey, UnitKey>();
  private readonly branchOfGroup = new Map<UnitKey, UnitKey>();

  constructor(organization: Organization, commands: readonly PlannedCommand[]) {
    for (const branch of organization.branches) {
      this.committeeOf.set(branch.key, branch.committee);
      for (const group of branch.groups) this.branchOfGroup.set(group.key, branch.key);
    }
    for (const command of commands) {
      if (command.kind === 'moveUnit') this.moves.set(command.unit, [...(this.moves.get(command.unit) ?? []), { on: command.on, parent: command.parent }]);
      if (command.kind === 'requestTransfer') this.transferTargets.set(command.transfer, command.toBranch);
      if ('member' in command) this.memberCommands.set(command.member, [...(this.memberCommands.get(command.member) ?? []), command]);
    }
    for (const list of this.moves.values()) list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  }

  members(): MemberKey[] {
    return [...this.memberCommands.keys()];
  }

  /** The member on `date` (commands dated that day included); undefined before registration. */
  memberOn(member: MemberKey, date: LocalDate): PlannedMemberOnDate | undefined {
    let state: PlannedMemberOnDate | undefined;
    for (const command of this.memberCommands.get(member) ?? []) {
      if (command.on > date) break;
      if (command.kind === 'registerMember') state = { status: command.status, branch: command.branch };
      else if (state === undefined) continue;
      else if (command.kind === 'advanceStage') state = { ...state, status: command.to };
      else if (command.kind === 'acceptTransfer') state = { ...state, branch: this.transferTargets.get(command.transfer) ?? state.branch };
      else if (command.kind === 'memberLeft') state = { ...state, status: 'LEFT' };
    }
    return state;
  }

  /** The committee a branch sits under on `date`. */
  committeeOn(branch: UnitKey, date: LocalDate): UnitKey | undefined {
    let committee = this.committeeOf.get(branch);
    for (const move of this.moves.get(branch) ?? []) if (move.on <= date) committee = move.parent;
    return committee;
  }

  branchOf(group: UnitKey): UnitKey | undefined {
    return this.branchOfGroup.get(group);
  }
}
