import type { AccessRules } from '../shared/access/accessRules';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the awards feature adds to the schema (deny by default: a field left out is refused). */
export const awardsAccess = {
  Award: {
    citation: READERS,
    endRecordedAt: READERS,
    grantedBy: READERS,
    grantedOn: READERS,
    id: READERS,
    memberRecipient: READERS,
    otherTitle: READERS,
    recipientId: READERS,
    recipientKind: READERS,
    recordedAt: READERS,
    revokeReason: READERS,
    revokedOn: READERS,
    title: READERS,
    unitRecipient: READERS,
    version: READERS,
  },
  AwardPayload: {
    award: ANY_ROLE,
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  Member: {
    awards: READERS,
  },
  Mutation: {
    grantAward: WRITERS,
    revokeAward: WRITERS,
  },
  Query: {
    award: READERS,
  },
  Unit: {
    awards: READERS,
  },
} satisfies AccessRules;
