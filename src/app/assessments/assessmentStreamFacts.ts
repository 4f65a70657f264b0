import type { AppraisedMember } from '../../domain/assessments/appraisal.commands';
import type { ScoredUnit } from '../../domain/assessments/groupScore.commands';
import { addDays } from '../../domain/shared/localDate';
import { versionOn } from '../../domain/units/unit';
import { currentMember, memberOn } from '../members/memberHistory';
import type { MemberStreamFacts } from '../members/memberStreamFacts';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

/** Facts group scores and appraisals are decided on, read from the units' and members' own streams. */
export class AssessmentStreamFacts {
  constructor(
    private readonly memberStreamFacts: MemberStreamFacts,
    private readonly unitStreamFacts: UnitStreamFacts,
  ) {}

  /** The unit with its whole active span, and its name and parent on `date` (or on its last day, if dissolved by then). */
  async scoredUnit(unitId: string, date: string): Promise<ScoredUnit | null> {
    if (unitId.trim() === '') return null;
    const state = await this.unitStreamFacts.state(unitId);
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
    const history = await this.memberStreamFacts.history(memberId);
    if (history === null) return null;
    const { name, registeredOn, joinedOn, leftOn, branchId } = currentMember(history);
    return { memberId, name, registeredOn, joinedOn, leftOn, branchId: memberOn(history, date)?.branchId ?? branchId };
  }
}
