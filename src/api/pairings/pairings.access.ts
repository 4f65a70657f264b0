import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import type { QueryScopeRules } from '../shared/access/queryScope';
import type { Pairing } from './pairing.type';
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

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const pairingsMutationScope: MutationScopeRules = {
  // The party and a member or unit counterpart are both the caller's.
  assignPairing: (input) => [
    { kind: 'memberOrUnit', id: id(input, 'memberOrUnitId'), field: 'memberOrUnitId' },
    { kind: 'memberOrUnit', id: counterpartIdOf(input), field: 'counterpart.id' },
  ],
  endPairing: (input) => [{ kind: 'pairing', id: id(input, 'pairingId'), field: 'pairingId' }],
};

/** A root pairing is the caller's when its party is; the organization-wide list is ADMIN's (a unit's and a member's pairings are scoped). */
export const pairingsQueryScope: QueryScopeRules = {
  subjects: { pairing: (pairing: Pairing) => [{ kind: 'memberOrUnit', id: pairing.party.id, field: 'id' }] },
  wholeOrganization: ['pairings'],
};

function counterpartIdOf(input: Readonly<Record<string, unknown>>): string | null {
  const counterpart = input.counterpart;
  return typeof counterpart === 'object' && counterpart !== null && 'id' in counterpart && typeof counterpart.id === 'string' ? counterpart.id : null;
}
