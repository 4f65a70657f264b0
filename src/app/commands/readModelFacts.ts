import type { ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  TRANSFERS,
  UNITS,
  UNIT_VERSIONS,
  activeOn,
  membershipsInUnitsOn,
  type MembershipDocument,
  type TransferDocument,
  type UnitDocument,
  type UnitVersionDocument,
} from '../../../projections';
import type { Projector } from '../projector/projector';

/**
 * Facts that span many aggregates (code uniqueness, counts of members and children), read from
 * the read models once they include every event recorded so far.
 */
export class ReadModelFacts {
  constructor(
    private readonly readStore: ReadStore,
    private readonly projector: Projector,
  ) {}

  /** Waits until the read models include everything in the log. */
  async upToDate(): Promise<void> {
    await this.projector.catchUp(30_000);
  }

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

  async transfer(transferId: string): Promise<TransferDocument | null> {
    return this.readStore.collection<TransferDocument>(TRANSFERS).findOne({ _id: transferId });
  }
}
