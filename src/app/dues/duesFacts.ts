import type { BranchSpan, DuesMember } from '../../domain/dues/dues.commands';
import { evolve as evolveMember, initialMemberState, type MemberState } from '../../domain/members/member';
import { memberStream, type MemberEvent } from '../../domain/members/member.events';
import type { EventStore } from '../../eventstore/eventStore';
import { liveEvents } from '../commands/liveEvents';

/** The member facts dues are decided on, from the member's own stream. */
export class DuesFacts {
  constructor(private readonly store: EventStore) {}

  /** The member's whole recorded life and every branch they belonged to; null when no member has this id. */
  async member(memberId: string): Promise<DuesMember | null> {
    if (memberId.trim() === '') return null;
    const recorded = liveEvents(await this.store.readStream(memberStream(memberId)));
    let state: MemberState = initialMemberState();
    const branches: BranchSpan[] = [];
    for (const event of recorded) {
      // Stored events of a member stream were produced by the member decider, so their shape is MemberEvent.
      const dated = { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate } as unknown as MemberEvent & { effectiveDate: string };
      state = evolveMember(state, dated);
      if (state.exists && branches[branches.length - 1]?.branchId !== state.branchId) branches.push({ from: dated.effectiveDate, branchId: state.branchId });
    }
    if (!state.exists) return null;
    const { name, registeredOn, joinedOn, leftOn } = state;
    return { memberId, name, registeredOn, joinedOn, leftOn, branches };
  }
}
