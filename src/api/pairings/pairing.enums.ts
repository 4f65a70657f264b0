import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { COUNTERPART_KINDS, PAIRING_KINDS, PARTY_KINDS } from '../../domain/pairings/pairingKind';

export const PairingKindEnum = enumOf(PAIRING_KINDS);
registerEnumType(PairingKindEnum, {
  name: 'PairingKind',
  description:
    'LEGAL_ADVISER: a member-lawyer advises a VILLAGE or COMMUNITY (one adviser per counterpart at a time). MENTOR: a senior member and a younger MEMBER. ' +
    'CONTACT_POINT: a cadre and the BRANCH they keep in touch with. ASSISTANCE: a member or unit helps a HOUSEHOLD in need.',
});

export const PartyKindEnum = enumOf(PARTY_KINDS);
registerEnumType(PartyKindEnum, { name: 'PairingPartyKind', description: 'Who is paired: a member or a unit of the organization.' });

export const CounterpartKindEnum = enumOf(COUNTERPART_KINDS);
registerEnumType(CounterpartKindEnum, {
  name: 'CounterpartKind',
  description: 'MEMBER and UNIT are inside the organization and named by id; VILLAGE, COMMUNITY, HOUSEHOLD and OTHER are outside it and named by name.',
});
