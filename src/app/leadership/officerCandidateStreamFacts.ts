import type { CandidateOnDate } from '../../domain/leadership/leadership.commands';
import type { MemberStreamFacts } from '../members/memberStreamFacts';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

/**
 * Where proposed officers stood on an election date, from their own streams and the units' streams
 * (not the read models): membership of the unit is decided on the facts exactly as recorded.
 */
export class OfficerCandidateStreamFacts {
  constructor(
    private readonly memberStreamFacts: MemberStreamFacts,
    private readonly unitStreamFacts: UnitStreamFacts,
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
    const standing = await this.memberStreamFacts.standingOn(memberId, date);
    if (standing === null) return null;
    const { name, onDate } = standing;
    if (onDate === null) return { memberId, name, status: null, branchId: null, groupId: null, line: [] };
    if (!standing.active) return { memberId, name, status: 'LEFT', branchId: null, groupId: null, line: [] };
    return {
      memberId,
      name,
      status: onDate.status,
      branchId: onDate.branchId,
      groupId: onDate.groupId,
      line: await this.unitStreamFacts.lineOn(onDate.branchId, date),
    };
  }
}
