import type { AccessRules } from '../shared/access/accessRules';
import { ANY_ROLE, AUDITORS, EVENT_READERS, SUBSCRIBERS } from '../shared/access/roles';

/** Who may read each field the eventLog feature adds to the schema (deny by default: a field left out is refused). */
export const eventLogAccess = {
  Event: {
    actor: AUDITORS,
    data: EVENT_READERS,
    effectiveDate: EVENT_READERS,
    id: EVENT_READERS,
    position: EVENT_READERS,
    recordedAt: EVENT_READERS,
    retractedBy: EVENT_READERS,
    retracts: EVENT_READERS,
    stream: EVENT_READERS,
    type: EVENT_READERS,
  },
  EventEdge: {
    cursor: ANY_ROLE,
    node: ANY_ROLE,
  },
  EventActor: {
    name: AUDITORS,
    subject: AUDITORS,
  },
  EventConnection: {
    edges: ANY_ROLE,
    pageInfo: ANY_ROLE,
    totalCount: ANY_ROLE,
  },
  Query: {
    events: EVENT_READERS,
  },
  Subscription: {
    orgEvents: SUBSCRIBERS,
  },
} satisfies AccessRules;
