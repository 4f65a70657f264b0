import type { AccessRules } from '../shared/access/accessRules';
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
