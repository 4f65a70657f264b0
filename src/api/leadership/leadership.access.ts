import type { AccessRules } from '../shared/access/accessRules';
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
