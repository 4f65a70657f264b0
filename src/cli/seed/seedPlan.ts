import type { MemberStatus } from '../../domain/members/memberStatus';
import type { LocalDate } from '../../domain/shared/localDate';
import type { UnitLevel } from '../../domain/units/unitLevel';

import type { MemberKey, UnitKey } from './planKeys';
import type { PlannedCommand } from './seedCommands';

/**
 * The plan of a seed: every command to run, in effective-date order, naming units, members and
 * transfers by plan-local keys (`u12`, `m345`, `t7`). The commands choose the real ids (uuids);
 * the executor maps keys to them as results come back.
 */

export type { AppraisalKey, AwardKey, GroupScoreKey, MeetingKey, MemberKey, PairingKey, TransferKey, UnitKey } from './planKeys';
export { aggregateOf, aggregatesReadBy, unitsReadBy, type CommandKind, type PlannedCommand } from './seedCommands';

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

/**
 * `scale` times an organization: its committees, branches, groups and members (the years stay).
 * Everything the planners plan per unit or per member grows with them, so the events do too.
 */
export function scaleSizes(sizes: PlanSizes, scale: number): PlanSizes {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`seed: the scale must be a whole number of at least 1, got ${scale}`);
  return {
    committees: sizes.committees * scale,
    branches: sizes.branches * scale,
    groups: sizes.groups * scale,
    members: sizes.members * scale,
    years: sizes.years,
  };
}

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
