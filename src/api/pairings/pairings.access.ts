import type { AccessRules } from '../shared/access/accessRules';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the pairings feature adds to the schema (deny by default: a field left out is refused). */
export const pairingsAccess = {
  Member: {
    pairings: READERS,
  },
  Mutation: {
    assignPairing: WRITERS,
    endPairing: WRITERS,
  },
  Pairing: {
    counterpart: READERS,
    endReason: READERS,
    endRecordedAt: READERS,
    endedOn: READERS,
    id: READERS,
    kind: READERS,
    party: READERS,
    recordedAt: READERS,
    startOn: READERS,
    validFrom: READERS,
    validTo: READERS,
  },
  PairingEdge: {
    cursor: ANY_ROLE,
    node: ANY_ROLE,
  },
  PairingConnection: {
    edges: ANY_ROLE,
    pageInfo: ANY_ROLE,
    totalCount: ANY_ROLE,
  },
  PairingCounterpart: {
    id: READERS,
    kind: READERS,
    member: READERS,
    name: READERS,
    unit: READERS,
  },
  PairingParty: {
    id: READERS,
    kind: READERS,
    member: READERS,
    unit: READERS,
  },
  PairingPayload: {
    eventIds: ANY_ROLE,
    pairing: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  Query: {
    pairing: READERS,
    pairings: READERS,
  },
  Unit: {
    pairings: READERS,
  },
} satisfies AccessRules;
