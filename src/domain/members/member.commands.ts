import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';
import type { LeaveReason, MemberStage } from './memberStatus';

export type RegisterMember = CommandTime & {
  type: 'RegisterMember';
  memberId: string;
  name: string;
  branchId: string;
  /** The branch on the effective date; null when `branchId` names no unit. */
  branch: UnitOnDate | null;
  groupId: string | null;
  /** The group on the effective date; null when `groupId` is null or names no unit. */
  group: UnitOnDate | null;
  status: MemberStage;
  /** The political birthday; required from PROBATIONARY on, must not be in the future. */
  joinedOn: string | null;
};
/** `to` defaults to the next stage; only the next stage is allowed. */
export type AdvanceMemberStage = CommandTime & { type: 'AdvanceMemberStage'; memberId: string; to: MemberStage | null };
export type RecordMemberLeft = CommandTime & { type: 'RecordMemberLeft'; memberId: string; reason: LeaveReason; note: string | null };
export type RequestTransfer = CommandTime & {
  type: 'RequestTransfer';
  memberId: string;
  transferId: string;
  toBranchId: string;
  toBranch: UnitOnDate | null;
  reason: string | null;
  /** Days after the request's effective date on which an unanswered transfer expires. */
  expiryDays: number;
};
export type AcceptTransfer = CommandTime & {
  type: 'AcceptTransfer';
  memberId: string;
  transferId: string;
  /** The receiving branch on the effective date. */
  toBranch: UnitOnDate | null;
};
export type RejectTransfer = CommandTime & { type: 'RejectTransfer'; memberId: string; transferId: string; reason: string | null };
/** Issued by the expiry sweeper for transfers past their `expiresOn`. */
export type ExpireTransfer = CommandTime & { type: 'ExpireTransfer'; memberId: string; transferId: string };
/** `groupId: null` removes the member from their group. */
export type AssignGroup = CommandTime & {
  type: 'AssignGroup';
  memberId: string;
  groupId: string | null;
  group: UnitOnDate | null;
};

/** Fixes what the records say: a field left null keeps its value; at least one must change. */
export type CorrectMemberDetails = CommandTime & {
  type: 'CorrectMemberDetails';
  memberId: string;
  name: string | null;
  joinedOn: string | null;
  reason: string | null;
};

export type MemberCommand =
  | RegisterMember
  | AdvanceMemberStage
  | RecordMemberLeft
  | RequestTransfer
  | AcceptTransfer
  | RejectTransfer
  | ExpireTransfer
  | AssignGroup
  | CorrectMemberDetails;
