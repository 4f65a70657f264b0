import type { AccessRules } from '../shared/access/accessRules';
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
