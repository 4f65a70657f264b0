import type { ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  UNITS,
  UNIT_VERSIONS,
  activeOn,
  membershipsInUnitsOn,
  type MembershipDocument,
  type UnitDocument,
  type UnitVersionDocument,
} from '../../../projections';

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

  async activeMemberCount(unitId: string, date: string): Promise<number> {
    return this.readStore.collection<MembershipDocument>(MEMBERSHIPS).countDocuments(membershipsInUnitsOn([unitId], date));
  }

  async activeChildCount(unitId: string, date: string): Promise<number> {
    const children = await this.readStore
      .collection<UnitVersionDocument>(UNIT_VERSIONS)
      .find({ parentId: unitId, ...activeOn(date) }, { projection: { unitId: 1 } });
    return new Set(children.map((child) => child.unitId)).size;
  }
}
