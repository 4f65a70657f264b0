import type { ListedMemberOnDate } from '../../domain/meetings/meeting.commands';
import type { ReadStore } from '../../readstore/readStore';
import { MEMBERSHIPS, UNIT_VERSIONS, activeOn, type MembershipDocument, type UnitVersionDocument } from '../../../projections';
import type { ReadModelCatchUp } from '../commands/readModelCatchUp';

/**
 * Where each member listed at a meeting stood on its day, from the memberships read model once it
 * includes everything recorded: one check for a whole attendance list, however long.
 */
export class MeetingReadFacts {
  constructor(
    private readonly readStore: ReadStore,
    private readonly readModels: ReadModelCatchUp,
  ) {}

  async listedOn(memberIds: readonly string[], date: string): Promise<Map<string, ListedMemberOnDate | null>> {
    await this.readModels.upToDate();
    const ids = [...new Set(memberIds)];
    const listed = new Map<string, ListedMemberOnDate | null>(ids.map((id) => [id, null]));
    if (ids.length === 0) return listed;
    const memberships = await this.readStore
      .collection<MembershipDocument>(MEMBERSHIPS)
      .find({ memberId: { $in: ids }, ...activeOn(date) }, { projection: { memberId: 1, name: 1, branchId: 1, groupId: 1 } });
    const branchIds = [...new Set(memberships.map((membership) => membership.branchId))];
    const branches =
      branchIds.length === 0
        ? []
        : await this.readStore
            .collection<UnitVersionDocument>(UNIT_VERSIONS)
            .find({ unitId: { $in: branchIds }, ...activeOn(date) }, { projection: { unitId: 1, ancestors: 1 } });
    const ancestorsOf = new Map(branches.map((branch) => [branch.unitId, branch.ancestors]));
    for (const { memberId, name, branchId, groupId } of memberships) {
      const above = [...(ancestorsOf.get(branchId) ?? [])].reverse();
      listed.set(memberId, { name, unitIds: [...(groupId === null ? [] : [groupId]), branchId, ...above] });
    }
    return listed;
  }
}
