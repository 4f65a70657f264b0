import type { CandidateOnDate } from '../../domain/leadership/leadership.commands';
import { evolve as evolveMember, initialMemberState, type MemberState } from '../../domain/member/member';
import { memberStream, type MemberEvent } from '../../domain/member/member.events';
import { UNIT_LEVELS } from '../../domain/unit/unitLevel';
import type { EventStore } from '../../eventstore/eventStore';
import type { UnitFacts } from './unitFacts';

/**
 * Where proposed officers stood on an election date, from their own streams and the units' streams
 * (not the read models): membership of the unit is decided on the facts exactly as recorded.
 */
export class OfficerCandidates {
  constructor(
    private readonly store: EventStore,
    private readonly units: UnitFacts,
  ) {}

  async onDate(memberIds: readonly string[], date: string): Promise<Record<string, CandidateOnDate>> {
    const found: Record<string, CandidateOnDate> = {};
    for (const memberId of new Set(memberIds)) {
      const candidate = await this.candidateOn(memberId, date);
      if (candidate !== null) found[memberId] = candidate;
    }
    return found;
  }

  /**
   * A member's stream is in effective-date order, so folding the events dated up to `date` gives
   * their state then; null when no member has this id.
   */
  private async candidateOn(memberId: string, date: string): Promise<CandidateOnDate | null> {
    if (memberId.trim() === '') return null;
    const recorded = await this.store.readStream(memberStream(memberId));
    if (recorded.length === 0) return null;
    let state: MemberState = initialMemberState();
    for (const event of recorded) {
      if (event.metadata.effectiveDate > date) break;
      // Stored events of a member stream were produced by the member decider, so their shape is MemberEvent.
      state = evolveMember(state, { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate } as unknown as MemberEvent & { effectiveDate: string });
    }
    if (!state.exists) {
      const name = typeof recorded[0]!.data.name === 'string' ? recorded[0]!.data.name : memberId;
      return { memberId, name, status: null, branchId: null, groupId: null, line: [] };
    }
    if (state.status === 'LEFT') return { memberId, name: state.name, status: 'LEFT', branchId: null, groupId: null, line: [] };
    return { memberId, name: state.name, status: state.status, branchId: state.branchId, groupId: state.groupId, line: await this.lineFrom(state.branchId, date) };
  }

  /** `unitId` and its ancestors on `date`, nearest first. */
  private async lineFrom(unitId: string, date: string): Promise<string[]> {
    const line: string[] = [];
    let next: string | null = unitId;
    while (next !== null && line.length < UNIT_LEVELS.length && !line.includes(next)) {
      line.push(next);
      next = (await this.units.onDate(next, date))?.parentId ?? null;
    }
    return line;
  }
}
