import { memberDecider } from '../../domain/members/member.decide';
import { memberStream } from '../../domain/members/member.events';
import type { PartyOnDate } from '../../domain/pairings/pairing.commands';
import type { EventStore } from '../../eventstore/eventStore';
import { loadAggregate } from '../commands/loadAggregate';
import type { UnitFacts } from '../units/unitFacts';

/**
 * What an id names on a date, a member or a unit, read from their own streams so that a pairing
 * is decided on the facts exactly as recorded.
 */
export class PartyFacts {
  constructor(
    private readonly store: EventStore,
    private readonly units: UnitFacts,
  ) {}

  /** The member or unit `id` names on `date`; null when it names neither (or `id` is empty). */
  async onDate(id: string | null | undefined, date: string): Promise<PartyOnDate | null> {
    if (!id) return null;
    const { state } = await loadAggregate(this.store, memberStream(id), memberDecider);
    if (state.exists) {
      const active = state.registeredOn <= date && (state.leftOn === null || state.leftOn > date);
      return { kind: 'MEMBER', member: { memberId: state.memberId, name: state.name, active } };
    }
    const unit = await this.units.onDate(id, date);
    return unit === null ? null : { kind: 'UNIT', unit };
  }
}
