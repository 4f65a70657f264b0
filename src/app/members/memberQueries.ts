import type { MemberStatus } from '../../domain/members/memberStatus';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { Filter, ReadStore } from '../../readstore/readStore';
import {
  MEMBERS,
  MEMBERSHIPS,
  UNIT_MEMBER_COUNTS,
  countDocumentIds,
  countFrom,
  lastStartedOn,
  membershipsInUnitsOn,
  type MemberDocument,
  type MembershipDocument,
  type UnitMemberCountDocument,
} from '../../../projections';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../queries/page';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

/** A member as they stood on a date: where they belonged and at which stage. */
export interface MemberOnDate {
  member: MemberDocument;
  /** The interval in force on the date; undefined once the member has left. */
  membership: MembershipDocument | undefined;
  status: MemberStatus;
}

export interface MemberListCriteria {
  unitId: string;
  unitLevel: UnitLevel;
  includeDescendants: boolean;
  status?: readonly MemberStatus[];
}

/** Reads of the member read models. */
export class MemberQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
  ) {}

  private get memberships() {
    return this.store.collection<MembershipDocument>(MEMBERSHIPS);
  }

  /** Members registered on or before `date`, as they stood then. */
  async onDate(memberIds: readonly string[], date: string): Promise<Map<string, MemberOnDate>> {
    const ids = [...memberIds];
    const [members, intervals] = await Promise.all([
      this.store.collection<MemberDocument>(MEMBERS).find({ _id: { $in: ids } }),
      this.memberships.find({ memberId: { $in: ids }, validFrom: { $lte: date } }),
    ]);
    const byMember = groupBy(intervals, (interval) => interval.memberId);
    const result = new Map<string, MemberOnDate>();
    for (const member of members) {
      const last = lastStartedOn(byMember.get(member._id) ?? [], date);
      if (!last) {
        // Registered and left on the same day: no interval, but a member who has left.
        if (member.leftOn !== null && member.registeredOn <= date) result.set(member._id, { member, membership: undefined, status: 'LEFT' });
        continue;
      }
      const inForce = last.validTo === null || last.validTo > date;
      result.set(member._id, { member, membership: inForce ? last : undefined, status: inForce ? last.status : 'LEFT' });
    }
    return result;
  }

  /** Every membership interval of each member, oldest first. */
  async history(memberIds: readonly string[]): Promise<Map<string, MembershipDocument[]>> {
    const intervals = await this.memberships.find({ memberId: { $in: [...memberIds] } }, { sort: { validFrom: 1 } });
    return groupBy(intervals, (interval) => interval.memberId);
  }

  /** The memberships in force on `date` in a unit (or its subtree), by name. */
  async list(criteria: MemberListCriteria, date: string, page: PageRequest): Promise<Page<MembershipDocument>> {
    const filter = await this.membershipFilter(criteria, date);
    if (!filter) return { items: [], cursors: [], hasNextPage: false, totalCount: 0 };
    let after: Filter | undefined;
    if (page.after) {
      const [name, memberId] = decodeCursor(page.after, 2) as [string, string];
      after = { $or: [{ name: { $gt: name } }, { name, memberId: { $gt: memberId } }] };
    }
    const { documents: found, totalCount } = await this.memberships.findPage(filter, { sort: { name: 1, memberId: 1 }, limit: page.first + 1, after });
    const items = found.slice(0, page.first);
    return { items, cursors: items.map((m) => encodeCursor([m.name, m.memberId])), hasNextPage: found.length > page.first, totalCount };
  }

  /**
   * How many members each unit had on `date` (directly, or in its subtree), from the count
   * documents of the branches and groups for the date's year: at most two read-store calls, and
   * two small documents per branch or group, whatever the history.
   */
  async countsOn(units: readonly { unitId: string; level: UnitLevel }[], date: string, includeDescendants: boolean): Promise<Map<string, number>> {
    const counts = new Map<string, number>(units.map((unit) => [unit.unitId, 0]));
    const counted = units.filter((unit) => unit.level === 'GROUP' || unit.level === 'BRANCH').map((unit) => unit.unitId);
    const higher = new Set(
      includeDescendants ? units.filter((unit) => unit.level === 'COMMITTEE' || unit.level === 'DISTRICT').map((unit) => unit.unitId) : [],
    );
    const branchesBelow = higher.size > 0 ? await this.units.descendantsOn([...higher], 'BRANCH', date) : [];
    const unitIds = [...new Set([...counted, ...branchesBelow.map((branch) => branch.unitId)])];
    if (unitIds.length === 0) return counts;
    const documents = await this.store
      .collection<UnitMemberCountDocument>(UNIT_MEMBER_COUNTS)
      .find({ _id: { $in: unitIds.flatMap((unitId) => countDocumentIds(unitId, date)) } }, { projection: { from: 1, count: 1, steps: 1 } });
    const byId = new Map(documents.map((document) => [document._id, document]));
    const onDate = new Map(
      unitIds.map((unitId) => {
        const [year, after] = countDocumentIds(unitId, date);
        return [unitId, countFrom(byId.get(year), byId.get(after), date)];
      }),
    );
    for (const unitId of counted) counts.set(unitId, onDate.get(unitId) ?? 0);
    for (const branch of branchesBelow) {
      for (const ancestor of branch.ancestors) {
        if (higher.has(ancestor)) counts.set(ancestor, counts.get(ancestor)! + (onDate.get(branch.unitId) ?? 0));
      }
    }
    return counts;
  }

  private async membershipFilter(criteria: MemberListCriteria, date: string): Promise<Filter | undefined> {
    // An empty status list asks for every stage; a list of only LEFT, for nobody in force.
    const stages = criteria.status?.length ? criteria.status.filter((status) => status !== 'LEFT') : undefined;
    if (stages?.length === 0) return undefined;
    const unitIds = await this.listedUnits(criteria, date);
    if (unitIds === undefined) return undefined;
    const filter = membershipsInUnitsOn(unitIds, date);
    return stages === undefined ? filter : { ...filter, status: { $in: stages } };
  }

  /** The group, the branch, or the branches of the subtree whose memberships are listed. */
  private async listedUnits(criteria: MemberListCriteria, date: string): Promise<string[] | undefined> {
    if (criteria.unitLevel === 'GROUP' || criteria.unitLevel === 'BRANCH') return [criteria.unitId];
    if (!criteria.includeDescendants) return undefined;
    const branches = await this.units.descendantsOn([criteria.unitId], 'BRANCH', date);
    return branches.map((branch) => branch.unitId);
  }
}
