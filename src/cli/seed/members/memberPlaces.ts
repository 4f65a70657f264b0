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

export interface PartyMemberPlace {
  member: MemberKey;
  branch: UnitKey;
  group: UnitKey | null;
}

/**
 * Where every planned member stands on a date, with their group (which the award timelines do not
 * follow): a transfer leaves the member without a group in the new branch, as the domain does.
 * Members are kept in the order they first appear in the plan, and every answer lists them in it.
 */
export class MemberPlaces {
  private readonly members: MemberKey[] = [];
  private readonly changes: PlaceChange[][] = [];
  /** For each branch and group, the members (by their index in `members`) ever placed in it, in order. */
  private readonly everIn = new Map<UnitKey, number[]>();

  constructor(commands: readonly PlannedCommand[]) {
    const targets = new Map<string, UnitKey>();
    for (const command of commands) if (command.kind === 'requestTransfer') targets.set(command.transfer, command.toBranch);
    const indexOf = new Map<MemberKey, number>();
    const placedIn = new Map<UnitKey, Set<number>>();
    const place = (unit: UnitKey | null, index: number): void => {
      if (unit === null) return;
      const set = placedIn.get(unit) ?? new Set<number>();
      placedIn.set(unit, set.add(index));
    };
    const inDateOrder = [...commands].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const command of inDateOrder) {
      if (!('member' in command)) continue;
      const index = indexOf.get(command.member);
      const list = index === undefined ? [] : this.changes[index];
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
      const at = index ?? this.members.length;
      if (index === undefined) {
        indexOf.set(command.member, at);
        this.members.push(command.member);
        this.changes.push(list);
      }
      list.push({ ...next, from: command.on });
      place(next.branch, at);
      place(next.group, at);
    }
    for (const [unit, set] of placedIn)
      this.everIn.set(
        unit,
        [...set].sort((a, b) => a - b),
      );
  }

  /** Party members (PROBATIONARY or FULL) on `date`, with their branch and group then. */
  partyMembersOn(date: LocalDate): PartyMemberPlace[] {
    const found: PartyMemberPlace[] = [];
    for (let index = 0; index < this.members.length; index++) {
      const place = this.partyPlace(index, date);
      if (place !== undefined) found.push(place);
    }
    return found;
  }

  /**
   * Party members on `date` whose branch then is one of `units` (with `'group'`: whose group is):
   * only the members ever placed there are looked at, so a question about a few units costs what
   * they hold, not the whole organization.
   */
  partyMembersIn(units: readonly UnitKey[], date: LocalDate, level: 'branch' | 'group' = 'branch'): PartyMemberPlace[] {
    const candidates =
      units.length === 1 ? (this.everIn.get(units[0]) ?? []) : [...new Set(units.flatMap((unit) => this.everIn.get(unit) ?? []))].sort((a, b) => a - b);
    const wanted = new Set(units);
    const found: PartyMemberPlace[] = [];
    for (const index of candidates) {
      const place = this.partyPlace(index, date);
      if (place === undefined) continue;
      const unit = level === 'branch' ? place.branch : place.group;
      if (unit !== null && wanted.has(unit)) found.push(place);
    }
    return found;
  }

  /** The member's place on `date` when they are a party member then. */
  private partyPlace(index: number, date: LocalDate): PartyMemberPlace | undefined {
    let place: PlaceChange | undefined;
    for (const change of this.changes[index]) {
      if (change.from > date) break;
      place = change;
    }
    if (place === undefined || (place.status !== 'PROBATIONARY' && place.status !== 'FULL')) return undefined;
    return { member: this.members[index], branch: place.branch, group: place.group };
  }
}
