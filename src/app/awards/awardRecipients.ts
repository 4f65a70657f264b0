import type { MemberOnDate, RecipientOnDate } from '../../domain/awards/award.commands';
import type { MemberStreamFacts } from '../members/memberStreamFacts';
import type { UnitFacts } from '../units/unitFacts';

export interface RecipientFacts {
  recipient: RecipientOnDate | null;
  /** Units above the recipient on the date, nearest first (a member's branch included). */
  ancestorIds: string[];
}

/**
 * Who an award's recipient id names on a date, read from the member's or the unit's own stream
 * (a member first: ids are uuids, so a member and a unit never share one).
 */
export class AwardRecipients {
  constructor(
    private readonly members: MemberStreamFacts,
    private readonly units: UnitFacts,
  ) {}

  async onDate(recipientId: string, date: string): Promise<RecipientFacts> {
    const member = await this.memberOnDate(recipientId, date);
    if (member !== null) return { recipient: { kind: 'MEMBER', member }, ancestorIds: await this.units.lineOn(member.branchId, date) };
    const unit = await this.units.onDate(recipientId, date);
    if (unit !== null) return { recipient: { kind: 'UNIT', unit }, ancestorIds: await this.units.lineOn(unit.parentId, date) };
    return { recipient: null, ancestorIds: [] };
  }

  private async memberOnDate(memberId: string, date: string): Promise<MemberOnDate | null> {
    const standing = await this.members.standingOn(memberId, date);
    if (standing === null) return null;
    const { name, active, onDate } = standing;
    return { memberId, name, active, status: onDate?.status ?? null, branchId: active && onDate !== null ? onDate.branchId : null };
  }
}
