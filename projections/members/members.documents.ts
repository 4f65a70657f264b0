import type { LeaveReason, MemberStatus } from '../../src/domain/members/memberStatus';

/** A transfer the member asked for that is not decided yet. */
export type OpenTransfer = {
  transferId: string;
  toBranchId: string;
  requestedOn: string;
  expiresOn: string;
};

export const MEMBERS = 'members';

/** Collection `members`: every member as they stand after the last recorded fact. */
export type MemberDocument = {
  _id: string;
  name: string;
  status: MemberStatus;
  /** The political birthday; null until set. */
  joinedOn: string | null;
  registeredOn: string;
  /** Null once the member has left. */
  branchId: string | null;
  groupId: string | null;
  leftOn: string | null;
  leaveReason: LeaveReason | null;
  openTransfer: OpenTransfer | null;
  recordedAt: string;
  position: string;
  /** Revision of the member's stream (for expectedVersion). */
  version: number;
};
