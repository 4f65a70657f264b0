import type { AppraisedMember } from '../../domain/assessments/appraisal.commands';
import type { ScoredUnit } from '../../domain/assessments/groupScore.commands';
import { evolve as evolveMember, initialMemberState, type MemberState } from '../../domain/members/member';
import type { MemberEvent } from '../../domain/members/member.events';
import { memberStream } from '../../domain/members/member.events';
import { addDays } from '../../domain/shared/localDate';
import { versionOn } from '../../domain/units/unit';
import type { EventStore } from '../../eventstore/eventStore';
import type { UnitFacts } from '../units/unitFacts';
import { liveEvents } from '../commands/liveEvents';

/** Facts group scores and appraisals are decided on, read from the units' and members' own streams. */
export class AssessmentFacts {
  constructor(
    private readonly store: EventStore,
    private readonly units: UnitFacts,
  ) {}

  /** The unit with its whole active span, and its name and parent on `date` (or on its last day, if dissolved by then). */
  async scoredUnit(unitId: string, date: string): Promise<ScoredUnit | null> {
    if (unitId.trim() === '') return null;
    const state = await this.units.state(unitId);
    if (!state.exists) return null;
    // A dissolved unit keeps the parent it had on its last day.
    const { name, parentId } = versionOn(state, state.dissolvedOn !== null && state.dissolvedOn <= date ? addDays(state.dissolvedOn, -1) : date);
    return { unitId, level: state.level, name, establishedOn: state.establishedOn, dissolvedOn: state.dissolvedOn, parentId };
  }

  /**
   * The member's whole recorded life (registration, political birthday, leaving) and their branch
   * on `date`, or their last branch when they were not registered by then.
   */
  async appraisedMember(memberId: string, date: string): Promise<AppraisedMember | null> {
    if (memberId.trim() === '') return null;
    const recorded = liveEvents(await this.store.readStream(memberStream(memberId)));
    let state: MemberState = initialMemberState();
    let branchOnDate: string | null = null;
    for (const event of recorded) {
      // Stored events of a member stream were produced by the member decider, so their shape is MemberEvent.
      const dated = { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate } as unknown as MemberEvent & { effectiveDate: string };
      state = evolveMember(state, dated);
      if (state.exists && dated.effectiveDate <= date) branchOnDate = state.branchId;
    }
    if (!state.exists) return null;
    const { name, registeredOn, joinedOn, leftOn, branchId } = state;
    return { memberId, name, registeredOn, joinedOn, leftOn, branchId: branchOnDate ?? branchId };
  }
}
