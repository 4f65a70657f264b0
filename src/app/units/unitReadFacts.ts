import type { Filter, ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  UNITS,
  UNIT_VERSIONS,
  membershipsInUnitYears,
  type MembershipDocument,
  type UnitDocument,
  type UnitVersionDocument,
} from '../../../projections';

/** Intervals still in force on `date` or starting after it. */
function notEndedBy(date: string): Filter {
  return { $or: [{ validTo: null }, { validTo: { $gt: date } }] };
}

/**
 * Facts about units that span many aggregates (code uniqueness, counts of members and children),
 * read from the read models; callers first wait until they include everything recorded.
 */
export class UnitReadFacts {
  constructor(private readonly readStore: ReadStore) {}

  async activeUnitWithCode(code: string | null): Promise<string | null> {
    if (!code) return null;
    const unit = await this.readStore.collection<UnitDocument>(UNITS).findOne({ code, status: 'ACTIVE' });
    return unit?._id ?? null;
  }

  /** Members in the unit (as branch or as group) on `date` or on any later day up to `today`. */
  async activeMemberCount(unitId: string, date: string, today: string): Promise<number> {
    const from = Number(date.slice(0, 4));
    const memberships = await this.readStore
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find(
        { ...membershipsInUnitYears([{ unitId, fromYear: from, toYear: Math.max(from, Number(today.slice(0, 4))) }]), ...notEndedBy(date) },
        { projection: { memberId: 1 } },
      );
    return new Set(memberships.map((membership) => membership.memberId)).size;
  }

  /** Units under the unit on `date` or on any later day. */
  async activeChildCount(unitId: string, date: string): Promise<number> {
    const children = await this.readStore
      .collection<UnitVersionDocument>(UNIT_VERSIONS)
      .find({ parentId: unitId, ...notEndedBy(date) }, { projection: { unitId: 1 } });
    return new Set(children.map((child) => child.unitId)).size;
  }
}
