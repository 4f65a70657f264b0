import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReadView } from '../shared/readView';
import { Member, toMember } from '../members/member.type';
import { PairingCounterpart, PairingParty } from './pairing.type';
import { Unit, toUnit } from '../units/unit.type';
import { memberLoaders } from '../members/memberLoaders';
import { unitLoaders } from '../units/unitLoaders';

/** The member or unit on either side of a pairing, as it stood on the pairing's asOf date. */

@Resolver(() => PairingParty)
export class PairingPartyResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The member, as they stood on the asOf date; null for a unit.' })
  async member(@Root() party: PairingParty): Promise<Member | null> {
    return party.kind === 'MEMBER' ? memberOn(party.view, party.id, party.asOf) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit, as it stood on the asOf date; null for a member.' })
  async unit(@Root() party: PairingParty): Promise<Unit | null> {
    return party.kind === 'UNIT' ? unitOn(party.view, party.id, party.asOf) : null;
  }
}

@Resolver(() => PairingCounterpart)
export class PairingCounterpartResolver {
  @FieldResolver(() => Member, { nullable: true, description: 'The member, as they stood on the asOf date, for a MEMBER counterpart.' })
  async member(@Root() counterpart: PairingCounterpart): Promise<Member | null> {
    return counterpart.kind === 'MEMBER' && counterpart.id !== null ? memberOn(counterpart.view, counterpart.id, counterpart.asOf) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit, as it stood on the asOf date, for a UNIT counterpart.' })
  async unit(@Root() counterpart: PairingCounterpart): Promise<Unit | null> {
    return counterpart.kind === 'UNIT' && counterpart.id !== null ? unitOn(counterpart.view, counterpart.id, counterpart.asOf) : null;
  }
}

async function memberOn(view: ReadView, id: string, date: string): Promise<Member | null> {
  const found = await memberLoaders(view).on.load({ id, date });
  return found ? toMember(found, date, view) : null;
}

async function unitOn(view: ReadView, id: string, date: string): Promise<Unit | null> {
  const version = await unitLoaders(view).on.load({ id, date });
  return version ? toUnit(version, date, view) : null;
}
