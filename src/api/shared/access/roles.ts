import { ROLES, type Role } from '../../../domain/access/role';

/** Who may read a field, call a query or mutation, or subscribe: a list of roles. */
export type Roles = readonly Role[];

/** Structural types (payloads, connections, page info) whose root field already decided who may reach them. */
export const ANY_ROLE: Roles = ROLES;
/** The organization's current state and history. */
export const READERS: Roles = ['ADMIN', 'ORGANIZER', 'ANALYST', 'VIEWER'];
/** Income, dues amounts, appraisal grades: not for VIEWER. */
export const PERSONAL: Roles = ['ADMIN', 'ORGANIZER', 'ANALYST'];
/** The event log, read by query. */
export const EVENT_READERS: Roles = ['ADMIN', 'ORGANIZER', 'ANALYST', 'INTEGRATOR'];
/** The event stream. */
export const SUBSCRIBERS: Roles = ['ADMIN', 'INTEGRATOR'];
/** Every mutation. */
export const WRITERS: Roles = ['ADMIN', 'ORGANIZER'];
/** Who recorded what (the actor of events). */
export const AUDITORS: Roles = ['ADMIN', 'ANALYST'];
/** The records as they stood at an earlier recorded moment (`knownAt`). */
export const HISTORY_READERS: Roles = ['ADMIN', 'ORGANIZER', 'ANALYST'];
