import type { PartyOnDate } from '../../domain/pairings/pairing.commands';
import type { MemberStreamFacts } from '../members/memberStreamFacts';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

/**
 * What an id names on a date, a member or a unit, read from their own streams so that a pairing
 * is decided on the facts exactly as recorded.
 */
export class PartyStreamFacts {
  constructor(
    private readonly memberStreamFacts: MemberStreamFacts,
    private readonly unitStreamFacts: UnitStreamFacts,
  ) {}

  /** The member or unit `id` names on `date`; null when it names neither (or `id` is empty). */
  async onDate(id: string | null | undefined, date: string): Promise<PartyOnDate | null> {
    if (!id) return null;
    const member = await this.memberStreamFacts.standingOn(id, date);
    if (member !== null) return { kind: 'MEMBER', member: { memberId: member.memberId, name: member.name, active: member.active } };
    const unit = await this.unitStreamFacts.onDate(id, date);
    return unit === null ? null : { kind: 'UNIT', unit };
  }
}
