import type { AccessRules } from '../shared/access/accessRules';
import { READERS } from '../shared/access/roles';

/** Who may read each field the obligations feature adds to the schema (deny by default: a field left out is refused). */
export const obligationsAccess = {
  Obligation: {
    dueOn: READERS,
    id: READERS,
    kind: READERS,
    meetingFrequency: READERS,
    meetingKind: READERS,
    member: READERS,
    monthsInArrears: READERS,
    outstanding: READERS,
    overdue: READERS,
    period: READERS,
    probationStartedOn: READERS,
    rule: READERS,
    term: READERS,
    unit: READERS,
    unpaidPeriods: READERS,
  },
  Query: {
    obligations: READERS,
  },
} satisfies AccessRules;
