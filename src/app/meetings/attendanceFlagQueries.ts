import {
  CONSECUTIVE_ABSENCES,
  CUMULATIVE_ABSENCES,
  attendanceFlag,
  flagWindow,
  type AttendanceFlagFacts,
  type FlagWindow,
} from '../../domain/meetings/attendanceFlags';
import type { Filter, ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  PARTY_DAY_YEARS,
  activeOn,
  partyDayYearId,
  partyDaysIn,
  yearsOf,
  type MembershipDocument,
  type PartyDayYearDocument,
} from '../../../projections';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

const FEWEST_ABSENCES_FLAGGED = Math.min(CONSECUTIVE_ABSENCES, CUMULATIVE_ABSENCES);

export interface FlaggedMember extends AttendanceFlagFacts {
  memberId: string;
  name: string;
}

/** A member active on a date, with their branch then and their flag (null: not flagged). */
export interface FlagStanding {
  memberId: string;
  name: string;
  branchId: string;
  flag: AttendanceFlagFacts | null;
}

type Listed = Pick<MembershipDocument, 'memberId' | 'name' | 'branchId'>;

/**
 * Members to be dealt with for missing theme party days (DOMAIN.md "Meetings"): among the members
 * of a unit's subtree on `asOf`, those with 3 unexcused absences in a row or 6 in total in the
 * twelve months up to `asOf`, counting every theme party day they were listed at (also in a
 * branch they have since left).
 *
 * A member's theme party days are read from `partyDayYears`: only the (at most two) calendar
 * years the window touches, and of those only years with an unexcused absence (found through an
 * index on `absentMemberId`), since a year without one adds neither to the absences nor to a run.
 * The other year of a flagged member is read afterwards, so that `partyDays` counts every day they
 * were listed at.
 */
export class AttendanceFlagQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
  ) {}

  /** Flagged members by name; empty when the unit did not exist on `asOf`. */
  async flags(unitId: string, asOf: string): Promise<FlaggedMember[]> {
    const standings = await this.standingsAmong(await this.membersOn(unitId, asOf), asOf);
    const flagged: FlaggedMember[] = [];
    for (const { memberId, name, flag } of standings) if (flag !== null) flagged.push({ memberId, name, ...flag });
    return flagged.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.memberId < b.memberId ? -1 : 1));
  }

  /** Each of `memberIds` that is an active member on `asOf`, with their flag then; others are left out. */
  async standings(memberIds: readonly string[], asOf: string): Promise<FlagStanding[]> {
    if (memberIds.length === 0) return [];
    const members = await this.store
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find({ memberId: { $in: [...new Set(memberIds)] }, ...activeOn(asOf) }, { projection: { memberId: 1, name: 1, branchId: 1 } });
    return this.standingsAmong(members, asOf);
  }

  /**
   * Members (active or not on `asOf`) with an unexcused absence from a theme party day in the
   * twelve months up to `asOf`: everyone who might be flagged then.
   */
  async membersWithAbsences(asOf: string): Promise<string[]> {
    const { after, upTo } = flagWindow(asOf);
    const years = await this.store
      .collection<PartyDayYearDocument>(PARTY_DAY_YEARS)
      .find({ year: { $in: yearsOf(after, upTo) }, absentMemberId: { $ne: null } }, { projection: { memberId: 1, absentOn: 1 } });
    const found = new Set<string>();
    for (const { memberId, absentOn } of years) if (absentOn.some((day) => day > after && day <= upTo)) found.add(memberId);
    return [...found];
  }

  private async standingsAmong(members: readonly Listed[], asOf: string): Promise<FlagStanding[]> {
    if (members.length === 0) return [];
    const window = flagWindow(asOf);
    const years = yearsOf(window.after, window.upTo);
    const withAbsences = groupBy(
      await this.partyDayYears({ absentMemberId: { $in: members.map((member) => member.memberId) }, year: { $in: years } }),
      (doc) => doc.memberId,
    );
    const flags = new Map<string, AttendanceFlagFacts>();
    for (const [memberId, docs] of withAbsences) {
      // Both rules need at least this many absences in the window: most members stop here.
      if (absencesIn(docs, window) < FEWEST_ABSENCES_FLAGGED) continue;
      const flag = attendanceFlag(partyDaysIn(docs), asOf, window);
      if (flag !== null) flags.set(memberId, flag);
    }
    // The years without an unexcused absence of the flagged only add to the days they were listed at.
    const read = new Set([...withAbsences.values()].flat().map((doc) => doc._id));
    const rest = [...flags.keys()].flatMap((memberId) => years.map((year) => partyDayYearId(memberId, year))).filter((id) => !read.has(id));
    if (rest.length > 0) {
      for (const doc of await this.partyDayYears({ _id: { $in: rest } })) {
        const docs = [...(withAbsences.get(doc.memberId) ?? []), doc];
        withAbsences.set(doc.memberId, docs);
        const flag = attendanceFlag(partyDaysIn(docs), asOf, window);
        if (flag !== null) flags.set(doc.memberId, flag);
      }
    }
    return members.map(({ memberId, name, branchId }) => ({ memberId, name, branchId, flag: flags.get(memberId) ?? null }));
  }

  private partyDayYears(filter: Filter): Promise<PartyDayYearDocument[]> {
    return this.store.collection<PartyDayYearDocument>(PARTY_DAY_YEARS).find(filter, { projection: { memberId: 1, presentOn: 1, excusedOn: 1, absentOn: 1 } });
  }

  private async membersOn(unitId: string, date: string): Promise<Listed[]> {
    const unit = (await this.units.versionsOn([unitId], date)).get(unitId);
    if (unit === undefined || (unit.validTo !== null && unit.validTo <= date)) return [];
    const memberships = this.store.collection<MembershipDocument>(MEMBERSHIPS);
    const projection = { projection: { memberId: 1, name: 1, branchId: 1 } as const };
    switch (unit.level) {
      case 'GROUP':
        return memberships.find({ groupId: unitId, ...activeOn(date) }, projection);
      case 'BRANCH':
        return memberships.find({ branchId: unitId, ...activeOn(date) }, projection);
      default: {
        const branches = await this.units.descendantsOn([unitId], 'BRANCH', date);
        if (branches.length === 0) return [];
        return memberships.find({ branchId: { $in: branches.map((branch) => branch.unitId) }, ...activeOn(date) }, projection);
      }
    }
  }
}

/** Unexcused absences in the window, from a member's year documents. */
function absencesIn(docs: readonly Pick<PartyDayYearDocument, 'absentOn'>[], { after, upTo }: FlagWindow): number {
  let count = 0;
  for (const { absentOn } of docs) for (const day of absentOn) if (day > after && day <= upTo) count++;
  return count;
}
