import type { MemberStatus } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { PlannedMemberOnDate, PlanTimelines } from '../awards/awardTimelines';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

interface Segment {
  member: MemberKey;
  from: LocalDate;
  /** The first day of the next segment; null for the last. */
  to: LocalDate | null;
  state: PlannedMemberOnDate;
}

/**
 * Members' planned histories as spans of unchanged state, read from the award planner's
 * timelines at each date a member's commands change something: who is in a branch on a date,
 * and until when they stay there.
 */
export class MemberStays {
  private readonly segments = new Map<MemberKey, Segment[]>();
  private readonly byBranch = new Map<UnitKey, Segment[]>();

  constructor(timelines: PlanTimelines, commands: readonly PlannedCommand[]) {
    const dates = new Map<MemberKey, Set<LocalDate>>();
    for (const command of commands) if ('member' in command) dates.set(command.member, (dates.get(command.member) ?? new Set()).add(command.on));
    for (const member of timelines.members()) {
      const sorted = [...(dates.get(member) ?? [])].sort();
      const segments: Segment[] = [];
      sorted.forEach((from, index) => {
        const state = timelines.memberOn(member, from);
        if (state !== undefined) segments.push({ member, from, to: sorted[index + 1] ?? null, state });
      });
      this.segments.set(member, segments);
      for (const segment of segments) {
        const list = this.byBranch.get(segment.state.branch) ?? [];
        list.push(segment);
        this.byBranch.set(segment.state.branch, list);
      }
    }
  }

  members(): MemberKey[] {
    return [...this.segments.keys()];
  }

  on(member: MemberKey, date: LocalDate): PlannedMemberOnDate | undefined {
    return this.segments.get(member)?.find((segment) => covers(segment, date))?.state;
  }

  /** The first day the member enters `status`, if they ever do. */
  firstDayOf(member: MemberKey, status: MemberStatus): LocalDate | undefined {
    return this.segments.get(member)?.find((segment) => segment.state.status === status)?.from;
  }

  /** Members of `branch` on `date` in one of `statuses`, in plan order. */
  inBranchOn(branch: UnitKey, date: LocalDate, statuses: readonly MemberStatus[]): MemberKey[] {
    return (this.byBranch.get(branch) ?? [])
      .filter((segment) => covers(segment, date) && statuses.includes(segment.state.status))
      .map((segment) => segment.member);
  }

  /**
   * The first day after `date` the member is no longer in the branch they are in on `date`
   * (transferred away or left); null when they stay to the end of the plan.
   */
  stayUntil(member: MemberKey, date: LocalDate): LocalDate | null {
    const now = this.on(member, date);
    if (now === undefined || now.status === 'LEFT') return date;
    const later = this.segments.get(member)!.find((segment) => segment.from > date && (segment.state.status === 'LEFT' || segment.state.branch !== now.branch));
    return later?.from ?? null;
  }
}

const covers = (segment: Segment, date: LocalDate): boolean => segment.from <= date && (segment.to === null || date < segment.to);
