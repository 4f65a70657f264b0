import type { AccessRules } from './access/accessRules';
import { ANY_ROLE } from './access/roles';

/** Who may read each field the shared feature adds to the schema (deny by default: a field left out is refused). */
export const sharedAccess = {
  PageInfo: {
    endCursor: ANY_ROLE,
    hasNextPage: ANY_ROLE,
  },
} satisfies AccessRules;
