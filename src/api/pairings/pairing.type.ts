import { Field, ID, ObjectType } from 'type-graphql';
import type { CounterpartKind, PairingKind, PartyKind } from '../../domain/pairings/pairingKind';
import type { PairingDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { ConnectionType } from '../shared/connection';
import { CounterpartKindEnum, PairingKindEnum, PartyKindEnum } from './pairing.enums';

@ObjectType({ description: 'The member or unit that is paired (the adviser, the mentor, the cadre, the helper).' })
export class PairingParty {
  asOf!: string;
  view!: ReadView;

  @Field(() => PartyKindEnum, { description: 'Whether the party is a member or a unit.' })
  kind!: PartyKind;

  @Field(() => ID, { description: 'Id of the member or unit.' })
  id!: string;
}

@ObjectType({ description: 'The other side of a pairing: a member or unit (by id), or an outside village, community or household (by name).' })
export class PairingCounterpart {
  asOf!: string;
  view!: ReadView;

  @Field(() => CounterpartKindEnum, { description: 'What kind of counterpart: a member, a unit, or an outside village, community or household.' })
  kind!: CounterpartKind;

  @Field(() => ID, { nullable: true, description: 'Set for a MEMBER or UNIT.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Set for an outside counterpart, as it was typed.' })
  name!: string | null;
}

@ObjectType({ description: 'A one-to-one pairing (结对) as it stood on the `asOf` date of the query.' })
export class Pairing {
  asOf!: string;
  view!: ReadView;

  @Field(() => ID, { description: 'The pairing.' })
  id!: string;

  @Field(() => PairingKindEnum, { description: 'What kind of pairing.' })
  kind!: PairingKind;

  @Field(() => PairingParty, { description: 'The member or unit that is paired.' })
  party!: PairingParty;

  @Field(() => PairingCounterpart, { description: 'The other side of the pairing.' })
  counterpart!: PairingCounterpart;

  @Field(() => DateScalar, { description: 'The first day of the pairing.' })
  startOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the pairing ended, if it had ended by the asOf date.' })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended, if it had ended by the asOf date and a reason was given.' })
  endReason!: string | null;

  @Field(() => DateScalar, { description: 'Start of the validity interval (the start date).' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End of the validity interval, exclusive, as recorded now; null while the pairing holds.' })
  validTo!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the assignment that started the pairing was recorded.' })
  recordedAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the end of the pairing was recorded, as recorded now like `validTo`; null while the pairing holds.',
  })
  endRecordedAt!: string | null;
}

export function toPairing(document: PairingDocument, asOf: string, view: ReadView): Pairing {
  const ended = document.validTo !== null && document.validTo <= asOf;
  return {
    asOf,
    view,
    id: document._id,
    kind: document.kind,
    party: { asOf, view, kind: document.partyKind, id: document.partyId },
    counterpart: { asOf, view, kind: document.counterpartKind, id: document.counterpartId, name: document.counterpartName },
    startOn: document.validFrom,
    endedOn: ended ? document.validTo : null,
    endReason: ended ? document.endReason : null,
    validFrom: document.validFrom,
    validTo: document.validTo,
    recordedAt: document.recordedAt,
    endRecordedAt: document.endRecordedAt,
  };
}

export const PairingConnection = ConnectionType(Pairing, 'Pairing');
