import type { MemberOnDate, RecipientOnDate } from '../../domain/award/award.commands';
import type { MemberEvent } from '../../domain/member/member.events';
import { memberStream } from '../../domain/member/member.events';
import { evolve as evolveMember, initialMemberState, type MemberState } from '../../domain/member/member';
import { UNIT_LEVELS } from '../../domain/unit/unitLevel';
import type { EventStore } from '../../eventstore/eventStore';
import type { UnitFacts } from './unitFacts';

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
    if (member !== null) return { recipient: { kind: 'MEMBER', member }, ancestorIds: await this.lineFrom(member.branchId, date) };
    const unit = await this.units.onDate(recipientId, date);
    if (unit !== null) return { recipient: { kind: 'UNIT', unit }, ancestorIds: await this.lineFrom(unit.parentId, date) };
    return { recipient: null, ancestorIds: [] };
  }

  /**
   * The member as of `date`: a member's stream is in effective-date order (each change is dated
   * on or after the one before), so folding the events dated up to `date` gives their state then.
   */
  private async memberOnDate(memberId: string, date: string): Promise<MemberOnDate | null> {
    if (memberId.trim() === '') return null;
    const recorded = await this.store.readStream(memberStream(memberId));
    if (recorded.length === 0) return null;
    let state: MemberState = initialMemberState();
    for (const event of recorded) {
      if (event.metadata.effectiveDate > date) break;
      // Stored events of a member stream were produced by the member decider, so their shape is MemberEvent.
      state = evolveMember(state, { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate } as unknown as MemberEvent & { effectiveDate: string });
    }
    if (!state.exists) {
      const name = typeof recorded[0]!.data.name === 'string' ? recorded[0]!.data.name : memberId;
      return { memberId, name, active: false, status: null, branchId: null };
    }
    const active = state.status !== 'LEFT';
    return { memberId, name: state.name, active, status: state.status, branchId: active ? state.branchId : null };
  }

  /** `unitId` and its ancestors on `date`, nearest first. */
  private async lineFrom(unitId: string | null, date: string): Promise<string[]> {
    const line: string[] = [];
    let next = unitId;
    while (next !== null && line.length < UNIT_LEVELS.length && !line.includes(next)) {
      line.push(next);
      next = (await this.units.onDate(next, date))?.parentId ?? null;
    }
    return line;
  }
}
