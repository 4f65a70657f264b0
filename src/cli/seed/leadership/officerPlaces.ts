import type { MemberStatus } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** A member's stage, branch and group on one date, as the planned commands dated up to it leave them. */
export interface PlannedPlace {
  status: MemberStatus;
  branch: UnitKey;
  group: UnitKey | null;
}

/**
 * Members' places replayed from the planned commands, so that elections only name officers the
 * election rules accept that day: FULL members of the unit (or of a branch under it).
 */
export class OfficerPlaces {
  private readonly commandsOf = new Map<MemberKey, PlannedCommand[]>();
  private readonly transferTargets = new Map<string, UnitKey>();
  /** Every member who was ever placed in a branch or group. */
  private readonly everIn = new Map<UnitKey, Set<MemberKey>>();

  constructor(commands: readonly PlannedCommand[]) {
    for (const command of commands) if (command.kind === 'requestTransfer') this.transferTargets.set(command.transfer, command.toBranch);
    for (const command of commands) {
      if (!('member' in command)) continue;
      this.commandsOf.set(command.member, [...(this.commandsOf.get(command.member) ?? []), command]);
      const units =
        command.kind === 'registerMember'
          ? [command.branch, command.group]
          : command.kind === 'assignGroup'
            ? [command.group]
            : command.kind === 'acceptTransfer'
              ? [this.transferTargets.get(command.transfer) ?? null]
              : [];
      for (const unit of units) if (unit !== null) this.everIn.set(unit, (this.everIn.get(unit) ?? new Set()).add(command.member));
    }
  }

  /** Members who were in `unit` (a branch or group) at some time. */
  everInUnit(unit: UnitKey): MemberKey[] {
    return [...(this.everIn.get(unit) ?? [])];
  }

  /** The member on `date` (commands dated that day included); undefined before registration. */
  placeOn(member: MemberKey, date: LocalDate): PlannedPlace | undefined {
    let place: PlannedPlace | undefined;
    for (const command of this.commandsOf.get(member) ?? []) {
      if (command.on > date) break;
      if (command.kind === 'registerMember') place = { status: command.status, branch: command.branch, group: command.group };
      else if (place === undefined) continue;
      else if (command.kind === 'advanceStage') place = { ...place, status: command.to };
      else if (command.kind === 'assignGroup') place = { ...place, group: command.group };
      else if (command.kind === 'acceptTransfer') place = { ...place, branch: this.transferTargets.get(command.transfer) ?? place.branch, group: null };
      else if (command.kind === 'memberLeft') place = { ...place, status: 'LEFT' };
    }
    return place;
  }
}
