/**
 * What a token may do (DESIGN.md "Access"):
 * - ADMIN: everything, in the whole organization;
 * - ORGANIZER: read and write within its unit's subtree;
 * - ANALYST: read within its subtree, history and `knownAt` included; no writes;
 * - INTEGRATOR: read and subscribe to the events of its subtree;
 * - VIEWER: the current state of its subtree, without personal fields.
 */
export const ROLES = ['ADMIN', 'ORGANIZER', 'ANALYST', 'INTEGRATOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];
