import type { MemberStatus } from '../members/memberStatus';
import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';

/** Where a proposed officer stood on the election date, resolved from their own stream. */
export interface CandidateOnDate {
  memberId: string;
  name: string;
  /** The stage on the date; null when not registered by then. */
  status: MemberStatus | null;
  /** The branch and group on the date; null when not an active member then. */
  branchId: string | null;
  groupId: string | null;
  /** The branch and every unit above it on the date, nearest first; empty when not active. */
  line: readonly string[];
}

export interface OfficerProposal {
  memberId: string;
  /** As typed: checked against OFFICER_ROLES. */
  role: string;
  votes: number | null;
}

export type RecordElection = CommandTime & {
  type: 'RecordElection';
  electionId: string;
  unitId: string;
  /** The unit on the election date; null when `unitId` names no unit. */
  unit: UnitOnDate | null;
  /** Null: the default of the unit's level. */
  termYears: number | null;
  officers: readonly OfficerProposal[];
  /** The proposed officers on the election date, by member id; a missing id names no member. */
  candidates: Readonly<Record<string, CandidateOnDate>>;
  votes: { eligible: number | null; cast: number | null } | null;
};

export type ResignOffice = CommandTime & { type: 'ResignOffice'; unitId: string; memberId: string; reason: string | null };
export type RemoveFromOffice = CommandTime & { type: 'RemoveFromOffice'; unitId: string; memberId: string; reason: string | null };

export type LeadershipCommand = RecordElection | ResignOffice | RemoveFromOffice;
