import type { MemberOnDate, RecipientOnDate } from '../../domain/awards/award.commands';
import type { EventStore } from '../../eventstore/eventStore';
import { memberAsOf } from '../members/memberAsOf';
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
    private readonly store: EventStore,
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
    const found = await memberAsOf(this.store, memberId, date);
    if (found === null) return null;
    const { state } = found;
    if (!state.exists) return { memberId, name: found.registeredName, active: false, status: null, branchId: null };
    const active = state.status !== 'LEFT';
    return { memberId, name: state.name, active, status: state.status, branchId: active ? state.branchId : null };
  }
}
