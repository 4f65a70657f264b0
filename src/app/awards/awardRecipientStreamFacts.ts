import type { MemberOnDate, RecipientOnDate } from '../../domain/awards/award.commands';
import type { MemberStreamFacts } from '../members/memberStreamFacts';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

export interface RecipientFacts {
  recipient: RecipientOnDate | null;
  /** Units above the recipient on the date, nearest first (a member's branch included). */
  ancestorIds: string[];
}

/**
 * Who an award's recipient id names on a date, read from the member's or the unit's own stream
 * (a member first: ids are uuids, so a member and a unit never share one).
 */
export class AwardRecipientStreamFacts {
  constructor(
    private readonly memberStreamFacts: MemberStreamFacts,
    private readonly unitStreamFacts: UnitStreamFacts,
  ) {}

  async onDate(recipientId: string, date: string): Promise<RecipientFacts> {
    const member = await this.memberOnDate(recipientId, date);
    if (member !== null) return { recipient: { kind: 'MEMBER', member }, ancestorIds: await this.unitStreamFacts.lineOn(member.branchId, date) };
    const unit = await this.unitStreamFacts.onDate(recipientId, date);
    if (unit !== null) return { recipient: { kind: 'UNIT', unit }, ancestorIds: await this.unitStreamFacts.lineOn(unit.parentId, date) };
    return { recipient: null, ancestorIds: [] };
  }

  private async memberOnDate(memberId: string, date: string): Promise<MemberOnDate | null> {
    const standing = await this.memberStreamFacts.standingOn(memberId, date);
    if (standing === null) return null;
    const { name, active, onDate } = standing;
    return { memberId, name, active, status: onDate?.status ?? null, branchId: active && onDate !== null ? onDate.branchId : null };
  }
}
