import type { CandidateOnDate } from '../../domain/leadership/leadership.commands';
import type { EventStore } from '../../eventstore/eventStore';
import { memberAsOf } from '../members/memberAsOf';
import type { UnitFacts } from '../units/unitFacts';

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

  /** Null when no member has this id. */
  private async candidateOn(memberId: string, date: string): Promise<CandidateOnDate | null> {
    const found = await memberAsOf(this.store, memberId, date);
    if (found === null) return null;
    const { state } = found;
    if (!state.exists) return { memberId, name: found.registeredName, status: null, branchId: null, groupId: null, line: [] };
    if (state.status === 'LEFT') return { memberId, name: state.name, status: 'LEFT', branchId: null, groupId: null, line: [] };
    return {
      memberId,
      name: state.name,
      status: state.status,
      branchId: state.branchId,
      groupId: state.groupId,
      line: await this.units.lineOn(state.branchId, date),
    };
  }
}
