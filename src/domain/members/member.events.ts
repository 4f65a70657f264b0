import { eventTypesOf } from '../aggregate';
import type { LeaveReason, MemberStage } from './memberStatus';

/**
 * Events of the member aggregate, stream `member-<memberId>`. Transfers live in the member's
 * stream so that "one open transfer per member" is decided against one consistent state.
 */
export type MemberRegistered = {
  type: 'MemberRegistered';
  data: { memberId: string; name: string; branchId: string; groupId: string | null; status: MemberStage; joinedOn: string | null };
};
export type MemberStageAdvanced = {
  type: 'MemberStageAdvanced';
  data: {
    memberId: string;
    from: MemberStage;
    to: MemberStage;
    /**
     * The political birthday this advance sets: the effective date when the member becomes
     * PROBATIONARY without one; otherwise null. Absent in events recorded before it existed.
     */
    joinedOn?: string | null;
  };
};
export type MemberLeft = { type: 'MemberLeft'; data: { memberId: string; branchId: string; reason: LeaveReason; note: string | null } };
export type TransferRequested = {
  type: 'TransferRequested';
  data: { transferId: string; memberId: string; fromBranchId: string; toBranchId: string; reason: string | null; expiresOn: string };
};
/** The member belongs to `toBranchId` from the event's effective date; any group assignment ends. */
export type TransferAccepted = {
  type: 'TransferAccepted';
  data: { transferId: string; memberId: string; fromBranchId: string; toBranchId: string; fromGroupId: string | null };
};
export type TransferRejected = { type: 'TransferRejected'; data: { transferId: string; memberId: string; reason: string | null } };
export type TransferExpired = { type: 'TransferExpired'; data: { transferId: string; memberId: string } };
/** `groupId: null` means the member no longer belongs to a group of their branch. */
export type MemberGroupAssigned = {
  type: 'MemberGroupAssigned';
  data: { memberId: string; branchId: string; groupId: string | null; previousGroupId: string | null };
};

/**
 * A mistyped name or political birthday fixed without retracting the registration. It corrects
 * the record for every date, before its effective date too; as known before it was recorded,
 * the records still say what they said then. Carries the values before and after.
 */
export type MemberDetailsCorrected = {
  type: 'MemberDetailsCorrected';
  data: { memberId: string; name: string; previousName: string; joinedOn: string | null; previousJoinedOn: string | null; reason: string | null };
};

export type MemberEvent =
  | MemberRegistered
  | MemberStageAdvanced
  | MemberLeft
  | TransferRequested
  | TransferAccepted
  | TransferRejected
  | TransferExpired
  | MemberGroupAssigned
  | MemberDetailsCorrected;

export const memberStream = (memberId: string): string => `member-${memberId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const memberEventTypes = eventTypesOf<MemberEvent>({
  MemberRegistered: true,
  MemberStageAdvanced: true,
  MemberLeft: true,
  TransferRequested: true,
  TransferAccepted: true,
  TransferRejected: true,
  TransferExpired: true,
  MemberGroupAssigned: true,
  MemberDetailsCorrected: true,
});
