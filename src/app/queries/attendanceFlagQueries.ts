import { attendanceFlag, flagWindow, type AttendanceFlagFacts } from '../../domain/meeting/attendanceFlags';
import type { ReadStore } from '../../readstore/readStore';
import { ATTENDANCE, MEMBERSHIPS, activeOn, type AttendanceDocument, type MembershipDocument } from '../../../projections';
import { groupBy, type UnitQueries } from './unitQueries';

export interface FlaggedMember extends AttendanceFlagFacts {
  memberId: string;
  name: string;
}

/**
 * Members to be dealt with for missing theme party days (DOMAIN.md "Meetings"): among the members
 * of a unit's subtree on `asOf`, those with 3 unexcused absences in a row or 6 in total in the
 * twelve months up to `asOf`, counting every theme party day they were listed at (also in a
 * branch they have since left).
 */
export class AttendanceFlagQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
  ) {}

  /** Flagged members by name; empty when the unit did not exist on `asOf`. */
  async flags(unitId: string, asOf: string): Promise<FlaggedMember[]> {
    const members = await this.membersOn(unitId, asOf);
    if (members.length === 0) return [];
    const { after, upTo } = flagWindow(asOf);
    const days = await this.store
      .collection<AttendanceDocument>(ATTENDANCE)
      .find({ memberId: { $in: members.map((member) => member.memberId) }, kind: 'THEME_PARTY_DAY', heldOn: { $gt: after, $lte: upTo } }, {
        projection: { memberId: 1, heldOn: 1, outcome: 1 },
      });
    const byMember = groupBy(days, (day) => day.memberId);
    const flagged: FlaggedMember[] = [];
    for (const { memberId, name } of members) {
      const flag = attendanceFlag(byMember.get(memberId) ?? [], asOf);
      if (flag !== null) flagged.push({ memberId, name, ...flag });
    }
    return flagged.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.memberId < b.memberId ? -1 : 1));
  }

  private async membersOn(unitId: string, date: string): Promise<MembershipDocument[]> {
    const unit = (await this.units.versionsOn([unitId], date)).get(unitId);
    if (unit === undefined || (unit.validTo !== null && unit.validTo <= date)) return [];
    const memberships = this.store.collection<MembershipDocument>(MEMBERSHIPS);
    const projection = { projection: { memberId: 1, name: 1 } as const };
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
