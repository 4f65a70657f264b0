import type { MemberStatus } from '../members/memberStatus';
import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';
import type { AwardTitle } from './awardTitle';

/** What the award rules need to know about a member on one date, resolved from the member's stream. */
export interface MemberOnDate {
  memberId: string;
  name: string;
  /** Registered on or before the date and not left on or before it. */
  active: boolean;
  /** The stage on the date; null when not registered by then. */
  status: MemberStatus | null;
  /** The branch on the date; null when not active then. */
  branchId: string | null;
}

/** The recipient on the effective date; null when `recipientId` names neither a member nor a unit. */
export type RecipientOnDate = { kind: 'MEMBER'; member: MemberOnDate } | { kind: 'UNIT'; unit: UnitOnDate };

export type GrantAward = CommandTime & {
  type: 'GrantAward';
  awardId: string;
  recipientId: string;
  recipient: RecipientOnDate | null;
  /**
   * The units above the recipient on the effective date, nearest first: for a member their
   * branch, its committee and district; for a unit its parent and the parent's ancestors.
   */
  recipientAncestorIds: readonly string[];
  title: AwardTitle;
  otherTitle: string | null;
  grantedById: string;
  /** The granting unit on the effective date; null when `grantedById` names no unit. */
  grantedBy: UnitOnDate | null;
  citation: string | null;
};

export type RevokeAward = CommandTime & { type: 'RevokeAward'; awardId: string; reason: string | null };

export type AwardCommand = GrantAward | RevokeAward;
