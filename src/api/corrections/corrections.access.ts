import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, WRITERS } from '../shared/access/roles';

/** Who may read each field the corrections feature adds to the schema (deny by default: a field left out is refused). */
export const correctionsAccess = {
  Mutation: {
    retractEvent: WRITERS,
  },
  RetractionPayload: {
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    retracted: ANY_ROLE,
    version: ANY_ROLE,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const correctionsMutationScope: MutationScopeRules = {
  retractEvent: (input) => [{ kind: 'event', id: id(input, 'eventId'), field: 'eventId' }],
};
