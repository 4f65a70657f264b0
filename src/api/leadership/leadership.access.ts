import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the leadership feature adds to the schema (deny by default: a field left out is refused). */
export const leadershipAccess = {
  LeadershipPayload: {
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    terms: ANY_ROLE,
    unit: ANY_ROLE,
    version: ANY_ROLE,
  },
  Member: {
    offices: READERS,
  },
  Mutation: {
    recordElection: WRITERS,
    removeFromOffice: WRITERS,
    resignOffice: WRITERS,
  },
  OfficerTerm: {
    electionId: READERS,
    eligible: READERS,
    endNote: READERS,
    endReason: READERS,
    endRecordedAt: READERS,
    endedOn: READERS,
    heldOn: READERS,
    id: READERS,
    lapsed: READERS,
    member: READERS,
    recordedAt: READERS,
    role: READERS,
    termEndsOn: READERS,
    termYears: READERS,
    unit: READERS,
    validFrom: READERS,
    validTo: READERS,
    votes: READERS,
  },
  Query: {
    expiringTerms: READERS,
  },
  Unit: {
    officers: READERS,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const leadershipMutationScope: MutationScopeRules = {
  // The unit and every elected officer must be the caller's.
  recordElection: (input) => [
    { kind: 'unit', id: id(input, 'unitId'), field: 'unitId' },
    ...officersOf(input).map((memberId, at) => ({ kind: 'member' as const, id: memberId, field: `officers[${at}].memberId` })),
  ],
  removeFromOffice: (input) => [{ kind: 'unit', id: id(input, 'unitId'), field: 'unitId' }],
  resignOffice: (input) => [{ kind: 'unit', id: id(input, 'unitId'), field: 'unitId' }],
};

function officersOf(input: Readonly<Record<string, unknown>>): (string | null)[] {
  const officers = input.officers;
  return Array.isArray(officers)
    ? officers.map((officer: unknown) =>
        typeof officer === 'object' && officer !== null && 'memberId' in officer && typeof officer.memberId === 'string' ? officer.memberId : null,
      )
    : [];
}
