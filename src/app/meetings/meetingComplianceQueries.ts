import {
  BRANCH_REQUIREMENTS,
  GROUP_REQUIREMENT,
  periodLabel,
  periodsOverlapping,
  type Frequency,
  type Period,
} from '../../domain/meetings/meetingRequirements';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import { InvalidInput, NotFound, RuleViolation } from '../../domain/shared/errors';
import { daysInMonth } from '../../domain/shared/localDate';
import type { ReadStore } from '../../readstore/readStore';
import { MEETINGS, type MeetingDocument, type UnitDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

/** Longest range one report covers. */
export const MAX_COMPLIANCE_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface RequirementCompliance {
  /** The branch, or for group meetings the group. */
  unitId: string;
  kind: MeetingKind;
  frequency: Frequency;
  /** Periods the unit existed in (`2025-03`, `2025-Q1`, `2025`), in order. */
  periods: string[];
  held: string[];
  missing: string[];
}

export interface BranchCompliance {
  branchId: string;
  requirements: RequirementCompliance[];
}

export interface MeetingCompliance {
  from: string;
  to: string;
  /** The day the subtree is taken on: the last day of `to`, or today if earlier. */
  asOf: string;
  branches: BranchCompliance[];
}

/**
 * Which required meetings each branch of a subtree held and which are missing (rules in
 * `meetingRequirements.ts`). A period is listed when it overlaps `from`..`to` and the unit was
 * established by its last day and not dissolved before its first; it counts as held when a
 * meeting of the kind was held by that unit on any day of the period. Periods that start after
 * today are left out.
 */
export class MeetingComplianceQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
  ) {}

  async compliance(unitId: string, from: string, to: string, today: string): Promise<MeetingCompliance> {
    requireRange(from, to);
    const toEnd = `${to}-${String(daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)))).padStart(2, '0')}`;
    const asOf = toEnd < today ? toEnd : today;
    const unit = (await this.units.versionsOn([unitId], asOf)).get(unitId);
    if (unit === undefined) throw new NotFound('MEETING.UNIT_NOT_FOUND', `unitId: no unit ${unitId} existed on ${asOf}`, 'unitId');
    if (unit.level === 'GROUP') {
      throw new RuleViolation(
        'MEETING.COMPLIANCE_PER_BRANCH',
        `unitId: ${unitId} ("${unit.name}") is a GROUP; compliance is reported per branch: give a branch or a unit above it`,
        'unitId',
      );
    }
    const branchIds = unit.level === 'BRANCH' ? [unitId] : (await this.units.descendantsOn([unitId], 'BRANCH', asOf)).map((branch) => branch.unitId).sort();
    if (branchIds.length === 0) return { from, to, asOf, branches: [] };
    const groups = await this.units.descendantsOn(branchIds, 'GROUP', asOf);
    const groupsOf = groupBy(groups, (group) => group.parentId ?? '');
    const unitIds = [...branchIds, ...groups.map((group) => group.unitId)];
    const lives = await this.units.current(unitIds);
    const all = (frequency: Frequency): Period[] => periodsOverlapping(from, to, frequency).filter((period) => period.first <= today);
    const first = all('YEARLY')[0]?.first ?? `${from}-01`;
    const meetings = await this.store
      .collection<MeetingDocument>(MEETINGS)
      .find({ unitId: { $in: unitIds }, heldOn: { $gte: first, $lte: toEnd.slice(0, 4) + '-12-31' } }, { projection: { unitId: 1, kind: 1, heldOn: 1 } });
    const heldBy = groupBy(meetings, (meeting) => `${meeting.unitId}:${meeting.kind}`);
    const row = (rowUnitId: string, kind: MeetingKind, frequency: Frequency): RequirementCompliance => {
      const periods = all(frequency)
        .filter((period) => existedIn(lives.get(rowUnitId), period))
        .map((period) => period.label);
      const heldIn = new Set((heldBy.get(`${rowUnitId}:${kind}`) ?? []).map((meeting) => periodLabel(meeting.heldOn, frequency)));
      return { unitId: rowUnitId, kind, frequency, periods, held: periods.filter((p) => heldIn.has(p)), missing: periods.filter((p) => !heldIn.has(p)) };
    };
    return {
      from,
      to,
      asOf,
      branches: branchIds.map((branchId) => ({
        branchId,
        requirements: [
          ...BRANCH_REQUIREMENTS.map(({ kind, frequency }) => row(branchId, kind, frequency)),
          ...(groupsOf.get(branchId) ?? []).map((group) => row(group.unitId, GROUP_REQUIREMENT.kind, GROUP_REQUIREMENT.frequency)),
        ],
      })),
    };
  }
}

function existedIn(unit: UnitDocument | undefined, period: Period): boolean {
  return unit !== undefined && unit.establishedOn <= period.last && (unit.dissolvedOn === null || unit.dissolvedOn > period.first);
}

function requireRange(from: string, to: string): void {
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!MONTH.test(value)) throw new InvalidInput('PERIOD.INVALID', `${field} must be a month in YYYY-MM form, got "${value}"`, field);
  }
  if (from > to) throw new InvalidInput('PERIOD.RANGE_REVERSED', `from ${from} is after to ${to}`, 'from');
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  if (months > MAX_COMPLIANCE_MONTHS)
    throw new InvalidInput('PERIOD.RANGE_TOO_LONG', `from ${from} to ${to} spans ${months} months, at most ${MAX_COMPLIANCE_MONTHS}`, 'to');
}
