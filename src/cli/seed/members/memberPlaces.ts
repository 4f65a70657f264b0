import type { MemberStatus } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** A member's branch, group and stage from `from` on, as the planned commands leave them. */
interface PlaceChange {
  from: LocalDate;
  branch: UnitKey;
  group: UnitKey | null;
  status: MemberStatus;
}

/**
 * Where every planned member stands on a date, with their group (which the award timelines do not
 * follow): a transfer leaves the member without a group in the new branch, as the domain does.
 */
export class MemberPlaces {
  private readonly changes = new Map<MemberKey, PlaceChange[]>();

  constructor(commands: readonly PlannedCommand[]) {
    const targets = new Map<string, UnitKey>();
    for (const command of commands) if (command.kind === 'requestTransfer') targets.set(command.transfer, command.toBranch);
    const inDateOrder = [...commands].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const command of inDateOrder) {
      if (!('member' in command)) continue;
      const list = this.changes.get(command.member) ?? [];
      const last = list[list.length - 1];
      const next = ((): Omit<PlaceChange, 'from'> | undefined => {
        if (command.kind === 'registerMember') return { branch: command.branch, group: command.group, status: command.status };
        if (last === undefined) return undefined;
        if (command.kind === 'advanceStage') return { ...last, status: command.to };
        if (command.kind === 'assignGroup') return { ...last, group: command.group };
        if (command.kind === 'acceptTransfer') return { ...last, branch: targets.get(command.transfer) ?? last.branch, group: null };
        if (command.kind === 'memberLeft') return { ...last, status: 'LEFT' };
        return undefined;
      })();
      if (next === undefined) continue;
      list.push({ ...next, from: command.on });
      this.changes.set(command.member, list);
    }
  }

  /** Party members (PROBATIONARY or FULL) on `date`, with their branch and group then. */
  partyMembersOn(date: LocalDate): { member: MemberKey; branch: UnitKey; group: UnitKey | null }[] {
    const found: { member: MemberKey; branch: UnitKey; group: UnitKey | null }[] = [];
    for (const [member, list] of this.changes) {
      let place: PlaceChange | undefined;
      for (const change of list) {
        if (change.from > date) break;
        place = change;
      }
      if (place !== undefined && (place.status === 'PROBATIONARY' || place.status === 'FULL')) found.push({ member, branch: place.branch, group: place.group });
    }
    return found;
  }
}
