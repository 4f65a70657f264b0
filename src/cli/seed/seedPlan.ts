import type { DuesCategory } from '../../domain/dues/duesCategory';
import type { AppraisalGrade } from '../../domain/assessments/appraisalGrade';
import type { AwardTitle, RecipientKind } from '../../domain/awards/awardTitle';
import type { TypedScores } from '../../domain/assessments/scoreCategories';
import { assertNever } from '../../domain/shared/assertNever';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { OfficerRole } from '../../domain/leadership/officerRole';
import type { LeaveReason, MemberStage, MemberStatus } from '../../domain/members/memberStatus';
import type { PairingKind } from '../../domain/pairings/pairingKind';
import type { LocalDate } from '../../domain/shared/localDate';
import type { UnitLevel } from '../../domain/units/unitLevel';

/**
 * The plan of a seed: every command to run, in effective-date order, naming units, members and
 * transfers by plan-local keys (`u12`, `m345`, `t7`). The commands choose the real ids (uuids);
 * the executor maps keys to them as results come back.
 */

export type UnitKey = string;
export type MemberKey = string;
export type TransferKey = string;
export type AwardKey = string;
export type MeetingKey = string;
export type PairingKey = string;
export type GroupScoreKey = string;
export type AppraisalKey = string;

export type PlannedCommand =
  | {
      kind: 'recordElection';
      on: LocalDate;
      unit: UnitKey;
      termYears: number;
      /** `officer`, not `member`, which names a member's own command. */
      officers: { officer: MemberKey; role: OfficerRole; votes: number | null }[];
      votes: { eligible: number; cast: number } | null;
      /** The officers: their earlier commands decide whether they belong to the unit that day. */
      reads: MemberKey[];
    }
  | { kind: 'leaveOffice'; on: LocalDate; unit: UnitKey; officer: MemberKey; removal: boolean; reason: string }
  | { kind: 'establishUnit'; on: LocalDate; unit: UnitKey; level: UnitLevel; name: string; code: string | null; parent: UnitKey | null }
  | { kind: 'renameUnit'; on: LocalDate; unit: UnitKey; name: string }
  | { kind: 'moveUnit'; on: LocalDate; unit: UnitKey; parent: UnitKey }
  | {
      kind: 'registerMember';
      on: LocalDate;
      member: MemberKey;
      name: string;
      branch: UnitKey;
      group: UnitKey | null;
      status: MemberStage;
      joinedOn: LocalDate | null;
    }
  | { kind: 'advanceStage'; on: LocalDate; member: MemberKey; to: MemberStage }
  | { kind: 'assignGroup'; on: LocalDate; member: MemberKey; group: UnitKey }
  | { kind: 'requestTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey; toBranch: UnitKey; reason: string }
  | { kind: 'acceptTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey }
  | { kind: 'rejectTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey; reason: string }
  | { kind: 'expireTransfer'; on: LocalDate; member: MemberKey; transfer: TransferKey }
  | { kind: 'memberLeft'; on: LocalDate; member: MemberKey; reason: LeaveReason; note: string }
  | {
      kind: 'grantAward';
      on: LocalDate;
      award: AwardKey;
      recipientKind: RecipientKind;
      recipient: MemberKey | UnitKey;
      title: AwardTitle;
      otherTitle: string | null;
      grantedBy: UnitKey;
      citation: string;
      /** Members and units whose earlier commands the award rules read (the recipient, its branch). */
      reads: (MemberKey | UnitKey)[];
    }
  | { kind: 'revokeAward'; on: LocalDate; award: AwardKey; reason: string }
  | {
      kind: 'assignPairing';
      on: LocalDate;
      pairing: PairingKey;
      pairingKind: PairingKind;
      /** The member paired (the adviser, the mentor, the helper); not `member`, which names a member's own command. */
      party: MemberKey;
      counterpart: { kind: 'MEMBER'; member: MemberKey } | { kind: 'VILLAGE' | 'COMMUNITY' | 'HOUSEHOLD'; name: string };
      /** Members whose earlier commands the pairing rules read, and the place's previous pairing (its end must be recorded first). */
      reads: (MemberKey | PairingKey)[];
    }
  | { kind: 'endPairing'; on: LocalDate; pairing: PairingKey; reason: string | null }
  | {
      kind: 'recordMeeting';
      on: LocalDate;
      meeting: MeetingKey;
      unit: UnitKey;
      meetingKind: MeetingKind;
      topic: string;
      attendees: MemberKey[];
      excused: MemberKey[];
      absent: MemberKey[];
      /** The members listed: their earlier commands decide whether they belong to the unit that day. */
      reads: MemberKey[];
    }
  | { kind: 'recordGroupScore'; on: LocalDate; score: GroupScoreKey; group: UnitKey; quarter: string; scores: TypedScores }
  | {
      kind: 'recordAppraisal';
      on: LocalDate;
      appraisal: AppraisalKey;
      /** Not `member`, which names a member's own command. */
      appraised: MemberKey;
      year: number;
      grade: AppraisalGrade;
      /** The member appraised: their earlier commands decide whether they were a party member that year. */
      reads: MemberKey[];
    }
  | {
      kind: 'setDuesBase';
      on: LocalDate;
      /** The member whose dues base this is (not `member`, which names a member's own command). */
      duesOf: MemberKey;
      category: DuesCategory;
      monthlyIncome: string;
      /** The member: their earlier commands decide whether they were registered by then. */
      reads: MemberKey[];
    }
  | { kind: 'recordDuesPayment'; on: LocalDate; duesOf: MemberKey; period: string; amount: string; reads: MemberKey[] };

export type CommandKind = PlannedCommand['kind'];

/** How big the organization is and how long its history; the CLI fixes the unit counts. */
export interface PlanSizes {
  /** Committees under the one district; default 21. */
  committees: number;
  /** Branches; default 300. */
  branches: number;
  /** Groups; default 900 (3 per branch on average). */
  groups: number;
  /** Members registered over the years; default 6,000. */
  members: number;
  /** Years of history; default 6. */
  years: number;
}

export const DEFAULT_SIZES: PlanSizes = { committees: 21, branches: 300, groups: 900, members: 6000, years: 6 };

export interface PlanInput extends PlanSizes {
  seed: number;
  /** Last effective date of the history; never after today. */
  endDate: LocalDate;
  /** Days after which an unanswered transfer expires (the app's `transferExpiryDays`). */
  transferExpiryDays: number;
}

/** Where a member stands once the whole plan has run. */
export interface MemberOutcome {
  member: MemberKey;
  branch: UnitKey;
  group: UnitKey | null;
  status: MemberStatus;
}

export interface TransferCounts {
  requested: number;
  accepted: number;
  rejected: number;
  expired: number;
  open: number;
  /** Open when the member left: the leaving cancels it. */
  cancelled: number;
}

export interface SeedPlan {
  startDate: LocalDate;
  endDate: LocalDate;
  /** In effective-date order; each aggregate's own commands in the order they must run. */
  commands: readonly PlannedCommand[];
  units: Readonly<Record<UnitLevel, number>>;
  members: readonly MemberOutcome[];
  transfers: TransferCounts;
}

/** The unit or member whose stream a command writes to. */
export function aggregateOf(command: PlannedCommand): UnitKey | MemberKey {
  switch (command.kind) {
    case 'establishUnit':
    case 'renameUnit':
    case 'moveUnit':
      return command.unit;
    case 'registerMember':
    case 'advanceStage':
    case 'assignGroup':
    case 'requestTransfer':
    case 'acceptTransfer':
    case 'rejectTransfer':
    case 'expireTransfer':
    case 'memberLeft':
      return command.member;
    case 'grantAward':
    case 'revokeAward':
      return command.award;
    case 'assignPairing':
    case 'endPairing':
      return command.pairing;
    case 'recordMeeting':
      return command.meeting;
    case 'recordGroupScore':
      return `groupscore:${command.group}`;
    case 'recordAppraisal':
      return `appraisal:${command.appraised}`;
    case 'setDuesBase':
    case 'recordDuesPayment':
      return `dues:${command.duesOf}`;
    case 'recordElection':
    case 'leaveOffice':
      // A unit's leadership is its own stream, apart from the unit's.
      return `leadership:${command.unit}`;
    default:
      return assertNever(command);
  }
}

/** Other units a command reads: they must be established before it runs. */
export function unitsReadBy(command: PlannedCommand): UnitKey[] {
  switch (command.kind) {
    case 'establishUnit':
      return command.parent === null ? [] : [command.parent];
    case 'moveUnit':
      return [command.parent];
    case 'registerMember':
      return command.group === null ? [command.branch] : [command.branch, command.group];
    case 'assignGroup':
      return [command.group];
    case 'requestTransfer':
      return [command.toBranch];
    case 'grantAward':
      return command.recipientKind === 'UNIT' ? [command.grantedBy, command.recipient] : [command.grantedBy];
    case 'recordMeeting':
    case 'recordElection':
      return [command.unit];
    case 'recordGroupScore':
      return [command.group];
    case 'leaveOffice':
    case 'recordAppraisal':
    case 'setDuesBase':
    case 'recordDuesPayment':
      return [];
    case 'renameUnit':
    case 'advanceStage':
    case 'acceptTransfer':
    case 'rejectTransfer':
    case 'expireTransfer':
    case 'memberLeft':
    case 'revokeAward':
    case 'assignPairing':
    case 'endPairing':
      return [];
    default:
      return assertNever(command);
  }
}

/**
 * Other members and units whose earlier commands must have run before this one: an award reads
 * where its recipient stood on the day, which their own (possibly concurrent) commands decide.
 */
export function aggregatesReadBy(command: PlannedCommand): (UnitKey | MemberKey)[] {
  return command.kind === 'grantAward' ||
    command.kind === 'assignPairing' ||
    command.kind === 'recordMeeting' ||
    command.kind === 'recordElection' ||
    command.kind === 'recordAppraisal' ||
    command.kind === 'setDuesBase' ||
    command.kind === 'recordDuesPayment'
    ? command.reads
    : [];
}
