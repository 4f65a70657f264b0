import { periodOf } from '../../domain/dues/period';
import { periodsOverlapping } from '../../domain/meetings/meetingRequirements';
import { NotFound } from '../../domain/shared/errors';
import { addDays } from '../../domain/shared/localDate';
import type { FindOptions, ReadStore } from '../../readstore/readStore';
import {
  MEETINGS,
  MEMBERS,
  MEMBERSHIPS,
  membershipsInUnitsOn,
  type MeetingDocument,
  type MemberDocument,
  type MembershipDocument,
  type UnitVersionDocument,
} from '../../../projections';
import type { DuesArrearsQueries } from '../dues/duesArrearsQueries';
import type { LeadershipQueries } from '../leadership/leadershipQueries';
import type { MeetingComplianceQueries, RequirementCompliance } from '../meetings/meetingComplianceQueries';
import type { MemberQueries } from '../members/memberQueries';
import {
  byDueOnThenKind,
  type DuesArrearsObligation,
  type MeetingObligation,
  type Obligation,
  type ProbationObligation,
  type TermObligation,
} from './obligation';
import { arrearsDueOn, duesArrearsRule, meetingRule, probationEndsOn, probationRule, probationStart, requireWindow, termRule } from './obligationRules';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

type Place = Pick<MembershipDocument, 'memberId' | 'branchId' | 'status'>;

/**
 * What falls due in a unit's subtree within a window after `asOf` (rules in `obligationRules.ts`):
 * leadership terms ending or already lapsed, probations ending (or overdue), required meetings not
 * yet held in the month, quarter or year of `asOf`, and dues arrears of more than three months.
 */
export class ObligationQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
    private readonly members: MemberQueries,
    private readonly leadership: LeadershipQueries,
    private readonly compliance: MeetingComplianceQueries,
    private readonly arrears: DuesArrearsQueries,
  ) {}

  /** Due on or before `asOf` + `within` days, by due date then kind; empty for a unit dissolved by `asOf`. */
  async obligations(unitId: string, within: number, asOf: string): Promise<Obligation[]> {
    requireWindow(within);
    const root = (await this.units.versionsOn([unitId], asOf)).get(unitId);
    if (root === undefined) throw new NotFound('UNIT.NOT_FOUND', `unitId: no unit "${unitId}" existed on ${asOf}`, 'unitId');
    if (root.validTo !== null && root.validTo <= asOf) return [];
    const horizon = addDays(asOf, within);
    const places = await this.placesOn(root, asOf);
    const found = await Promise.all([
      this.terms(unitId, within, asOf),
      this.probations(places, asOf),
      this.meetingsDue(root, asOf),
      this.duesArrears(places, asOf),
    ]);
    return found
      .flat()
      .filter((obligation) => obligation.dueOn <= horizon)
      .sort(byDueOnThenKind);
  }

  /** One obligation per election whose officers are still in office: the terms of one election end together. */
  private async terms(unitId: string, within: number, asOf: string): Promise<TermObligation[]> {
    // Sorted by end, unit, rank: the first term of an election is its most senior officer's.
    const terms = await this.leadership.expiring(within, asOf, unitId);
    const seniorOfEach = [...groupBy(terms, (term) => term.electionId).values()].map((group) => group[0]);
    return seniorOfEach.map((term): TermObligation => {
      const lapsed = term.termEndsOn < asOf;
      return {
        kind: lapsed ? 'TERM_LAPSED' : 'TERM_ENDING',
        id: `term:${term.electionId}`,
        dueOn: term.termEndsOn,
        rule: termRule(term.unitLevel, term.termYears, lapsed),
        unitId: term.unitId,
        memberId: null,
        term,
      };
    });
  }

  private async probations(places: readonly Place[], asOf: string): Promise<ProbationObligation[]> {
    const probationary = places.filter((place) => place.status === 'PROBATIONARY');
    if (probationary.length === 0) return [];
    const ids = probationary.map((place) => place.memberId);
    const [histories, members] = await Promise.all([
      this.members.history(ids),
      this.store.collection<MemberDocument>(MEMBERS).find({ _id: { $in: ids } }, { projection: { joinedOn: 1 } }),
    ]);
    const joinedOn = new Map(members.map((member) => [member._id, member.joinedOn !== null && member.joinedOn <= asOf ? member.joinedOn : null]));
    return probationary.flatMap((place): ProbationObligation[] => {
      const startedOn = probationStart(histories.get(place.memberId) ?? [], joinedOn.get(place.memberId) ?? null);
      if (startedOn === undefined) return [];
      return [
        {
          kind: 'PROBATION_ENDING',
          id: `probation:${place.memberId}`,
          dueOn: probationEndsOn(startedOn),
          rule: probationRule(),
          unitId: place.branchId,
          memberId: place.memberId,
          probationStartedOn: startedOn,
        },
      ];
    });
  }

  /**
   * The requirements of the meeting compliance report for the month of `asOf` whose current period
   * (month, quarter or year) has no meeting held by `asOf`. A group is reported by its branch.
   */
  private async meetingsDue(root: UnitVersionDocument, asOf: string): Promise<MeetingObligation[]> {
    const reportedUnit = root.level === 'GROUP' ? root.parentId : root.unitId;
    if (reportedUnit === null) return [];
    const month = periodOf(asOf);
    const report = await this.compliance.compliance(reportedUnit, month, month, asOf);
    const rows = report.branches.flatMap((branch) => branch.requirements).filter((row) => root.level !== 'GROUP' || row.unitId === root.unitId);
    const current = rows.flatMap((row) => {
      const period = periodsOverlapping(month, month, row.frequency)[0];
      return row.periods.includes(period.label) ? [{ row, period }] : [];
    });
    // The report counts a meeting anywhere in the period; one held after asOf had not been held on asOf.
    const toRecheck = current.filter(({ row, period }) => row.held.includes(period.label) && period.last > asOf);
    const heldByAsOf = await this.heldOnOrBefore(
      toRecheck.map(({ row }) => row),
      asOf,
    );
    const heldInTime = ({ row, period }: (typeof current)[number]): boolean =>
      row.held.includes(period.label) && (period.last <= asOf || (heldByAsOf.get(`${row.unitId}:${row.kind}`) ?? []).some((heldOn) => heldOn >= period.first));
    return current
      .filter((due) => !heldInTime(due))
      .map(({ row, period }): MeetingObligation => ({
        kind: 'MEETING_DUE',
        id: `meeting:${row.unitId}:${row.kind}:${period.label}`,
        dueOn: period.last,
        rule: meetingRule(row.kind, row.frequency),
        unitId: row.unitId,
        memberId: null,
        meetingKind: row.kind,
        frequency: row.frequency,
        period: period.label,
      }));
  }

  /** The days meetings of each row's unit and kind were held this year up to `asOf`, by `unitId:kind`. */
  private async heldOnOrBefore(rows: readonly RequirementCompliance[], asOf: string): Promise<Map<string, string[]>> {
    if (rows.length === 0) return new Map();
    const meetings = await this.store.collection<MeetingDocument>(MEETINGS).find(
      {
        unitId: { $in: [...new Set(rows.map((row) => row.unitId))] },
        kind: { $in: [...new Set(rows.map((row) => row.kind))] },
        heldOn: { $gte: `${asOf.slice(0, 4)}-01-01`, $lte: asOf },
      },
      { projection: { unitId: 1, kind: 1, heldOn: 1 } },
    );
    const byRow = groupBy(meetings, (meeting) => `${meeting.unitId}:${meeting.kind}`);
    return new Map([...byRow].map(([key, found]) => [key, found.map((meeting) => meeting.heldOn)]));
  }

  private async duesArrears(places: readonly Place[], asOf: string): Promise<DuesArrearsObligation[]> {
    const arrears = await this.arrears.arrearsOf(
      places.map((place) => place.memberId),
      asOf,
    );
    return places.flatMap((place): DuesArrearsObligation[] => {
      const owed = arrears.get(place.memberId);
      const dueOn = owed === undefined ? undefined : arrearsDueOn(owed.unpaidPeriods);
      if (owed === undefined || dueOn === undefined) return [];
      return [
        {
          kind: 'DUES_ARREARS',
          id: `dues:${place.memberId}`,
          dueOn,
          rule: duesArrearsRule(),
          unitId: place.branchId,
          memberId: place.memberId,
          unpaidPeriods: owed.unpaidPeriods,
          outstandingMinor: owed.outstandingMinor,
        },
      ];
    });
  }

  /** Where each member of the subtree belonged on `date`: a group's members, a branch's, or every branch's below. */
  private async placesOn(root: UnitVersionDocument, date: string): Promise<Place[]> {
    const memberships = this.store.collection<MembershipDocument>(MEMBERSHIPS);
    const options: FindOptions = { projection: { memberId: 1, branchId: 1, status: 1 } };
    if (root.level === 'GROUP' || root.level === 'BRANCH') return memberships.find(membershipsInUnitsOn([root.unitId], date), options);
    const branches = await this.units.descendantsOn([root.unitId], 'BRANCH', date);
    if (branches.length === 0) return [];
    return memberships.find(
      membershipsInUnitsOn(
        branches.map((branch) => branch.unitId),
        date,
      ),
      options,
    );
  }
}
