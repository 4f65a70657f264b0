import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the units feature adds to the schema (deny by default: a field left out is refused). */
export const unitsAccess = {
  Mutation: {
    dissolveUnit: WRITERS,
    establishUnit: WRITERS,
    moveUnit: WRITERS,
    renameUnit: WRITERS,
  },
  Query: {
    unit: READERS,
    units: READERS,
  },
  Unit: {
    ancestors: READERS,
    children: READERS,
    code: READERS,
    establishedOn: READERS,
    events: READERS,
    history: READERS,
    id: READERS,
    level: READERS,
    memberCount: READERS,
    members: READERS,
    name: READERS,
    parent: READERS,
    status: READERS,
    validFrom: READERS,
    validTo: READERS,
    version: READERS,
  },
  UnitEdge: {
    cursor: ANY_ROLE,
    node: ANY_ROLE,
  },
  UnitConnection: {
    edges: ANY_ROLE,
    pageInfo: ANY_ROLE,
    totalCount: ANY_ROLE,
  },
  UnitPayload: {
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    unit: ANY_ROLE,
    version: ANY_ROLE,
  },
  UnitVersion: {
    ancestorIds: READERS,
    code: READERS,
    endRecordedAt: READERS,
    level: READERS,
    name: READERS,
    parentId: READERS,
    recordedAt: READERS,
    unitId: READERS,
    validFrom: READERS,
    validTo: READERS,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const unitsMutationScope: MutationScopeRules = {
  // A district has no parent: only ADMIN establishes one.
  establishUnit: (input) =>
    id(input, 'parentId') === null
      ? [{ kind: 'adminOnly', field: 'parentId', why: 'only an ADMIN token establishes a district (a unit without a parent)' }]
      : [{ kind: 'unit', id: id(input, 'parentId'), field: 'parentId' }],
  renameUnit: (input) => [{ kind: 'unit', id: id(input, 'unitId'), field: 'unitId' }],
  dissolveUnit: (input) => [{ kind: 'unit', id: id(input, 'unitId'), field: 'unitId' }],
  // Nothing moves out of, or into, a subtree the caller does not control.
  moveUnit: (input) => [
    { kind: 'unit', id: id(input, 'unitId'), field: 'unitId' },
    { kind: 'unit', id: id(input, 'parentId'), field: 'parentId' },
  ],
};
