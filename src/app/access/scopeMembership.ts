import type { ReadModelCatchUp } from '../commands/readModelCatchUp';
import type { MemberQueries } from '../members/memberQueries';
import type { UnitQueries } from '../units/unitQueries';
import { versionWithin } from './versionWithin';

/** Whether units and members were within a subtree on a date, read from the live read models. */
export class ScopeMembership {
  constructor(
    private readonly units: UnitQueries,
    private readonly members: MemberQueries,
    private readonly readModels?: ReadModelCatchUp,
  ) {}

  /** Scope spans aggregates: decide it once the read models include every event recorded so far (a move just made, say). */
  async upToDate(): Promise<void> {
    await this.readModels?.upToDate();
  }

  async unitWithin(unitId: string, root: string, date: string): Promise<boolean> {
    const version = (await this.units.versionsOn([unitId], date)).get(unitId);
    return version !== undefined && versionWithin(version, root);
  }

  /** The member's branch on the date, else today; a former member belongs to their last branch, as it stood while they were in it. */
  async memberWithin(memberId: string, root: string, date: string, today: string): Promise<boolean> {
    for (const day of date === today ? [date] : [date, today]) {
      const member = (await this.members.onDate([memberId], day)).get(memberId);
      if (member?.membership) return this.unitWithin(member.membership.branchId, root, day);
    }
    const last = ((await this.members.history([memberId])).get(memberId) ?? []).filter((interval) => interval.validFrom <= date).at(-1);
    return last !== undefined && this.unitWithin(last.branchId, root, last.validFrom);
  }

  async memberOrUnitWithin(id: string, root: string, date: string, today: string): Promise<boolean> {
    return (await this.unitWithin(id, root, date)) || this.memberWithin(id, root, date, today);
  }
}
