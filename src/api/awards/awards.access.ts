import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import type { QueryScopeRules } from '../shared/access/queryScope';
import type { Award } from './award.type';
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

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const awardsMutationScope: MutationScopeRules = {
  grantAward: (input) => [
    { kind: 'memberOrUnit', id: id(input, 'recipientId'), field: 'recipientId' },
    { kind: 'unit', id: id(input, 'grantedById'), field: 'grantedById' },
  ],
  revokeAward: (input) => [{ kind: 'award', id: id(input, 'awardId'), field: 'awardId' }],
};

/** A root award is the caller's when its recipient is. */
export const awardsQueryScope: QueryScopeRules = {
  subjects: { award: (award: Award) => [{ kind: 'memberOrUnit', id: award.recipientId, field: 'id' }] },
};
