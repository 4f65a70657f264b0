import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the members feature adds to the schema (deny by default: a field left out is refused). */
export const membersAccess = {
  Member: {
    branch: READERS,
    events: READERS,
    group: READERS,
    id: READERS,
    joinedOn: READERS,
    leftOn: READERS,
    memberships: READERS,
    name: READERS,
    openTransfer: READERS,
    registeredOn: READERS,
    status: READERS,
    version: READERS,
  },
  MemberEdge: {
    cursor: ANY_ROLE,
    node: ANY_ROLE,
  },
  MemberConnection: {
    edges: ANY_ROLE,
    pageInfo: ANY_ROLE,
    totalCount: ANY_ROLE,
  },
  MemberPayload: {
    eventIds: ANY_ROLE,
    member: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  Membership: {
    branchId: READERS,
    endRecordedAt: READERS,
    groupId: READERS,
    memberId: READERS,
    recordedAt: READERS,
    status: READERS,
    validFrom: READERS,
    validTo: READERS,
  },
  Mutation: {
    acceptTransfer: WRITERS,
    advanceMemberStage: WRITERS,
    assignGroup: WRITERS,
    correctMemberDetails: WRITERS,
    memberLeft: WRITERS,
    registerMember: WRITERS,
    rejectTransfer: WRITERS,
    requestTransfer: WRITERS,
  },
  Query: {
    member: READERS,
    members: READERS,
  },
  Transfer: {
    decidedOn: READERS,
    expiresOn: READERS,
    fromBranchId: READERS,
    id: READERS,
    memberId: READERS,
    reason: READERS,
    requestedOn: READERS,
    status: READERS,
    toBranchId: READERS,
  },
  TransferPayload: {
    eventIds: ANY_ROLE,
    member: ANY_ROLE,
    position: ANY_ROLE,
    transfer: ANY_ROLE,
    version: ANY_ROLE,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const membersMutationScope: MutationScopeRules = {
  // A transfer is requested by the sending side and accepted or rejected by the receiving one.
  requestTransfer: (input) => [
    { kind: 'member', id: id(input, 'memberId'), field: 'memberId' },
    { kind: 'anyBranch', id: id(input, 'toBranchId'), field: 'toBranchId' },
  ],
  acceptTransfer: (input) => [{ kind: 'transferTo', id: id(input, 'transferId'), field: 'transferId' }],
  rejectTransfer: (input) => [{ kind: 'transferTo', id: id(input, 'transferId'), field: 'transferId' }],
  advanceMemberStage: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
  assignGroup: (input) => [
    { kind: 'member', id: id(input, 'memberId'), field: 'memberId' },
    { kind: 'unit', id: id(input, 'groupId'), field: 'groupId' },
  ],
  correctMemberDetails: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
  memberLeft: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
  registerMember: (input) => [
    { kind: 'unit', id: id(input, 'branchId'), field: 'branchId' },
    { kind: 'unit', id: id(input, 'groupId'), field: 'groupId' },
  ],
};
