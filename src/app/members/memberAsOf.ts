import { evolve as evolveMember, initialMemberState, type MemberState } from '../../domain/members/member';
import { memberStream, type MemberEvent } from '../../domain/members/member.events';
import type { EventStore } from '../../eventstore/eventStore';
import { liveEvents } from '../commands/liveEvents';

export interface MemberAsOf {
  /** The member's state on the date (`exists: false` if registered only later). */
  state: MemberState;
  /** The name the member was registered with, for messages about a member not yet registered. */
  registeredName: string;
}

/**
 * A member as their own stream says they stood on `date`: the stream is in effective-date order
 * (each change is dated on or after the one before), so folding the events dated up to `date`
 * gives their state then. Null when no member has this id.
 */
export async function memberAsOf(store: EventStore, memberId: string, date: string): Promise<MemberAsOf | null> {
  if (memberId.trim() === '') return null;
  const recorded = liveEvents(await store.readStream(memberStream(memberId)));
  if (recorded.length === 0) return null;
  let state: MemberState = initialMemberState();
  for (const event of recorded) {
    if (event.metadata.effectiveDate > date) break;
    // Stored events of a member stream were produced by the member decider, so their shape is MemberEvent.
    state = evolveMember(state, { type: event.type, data: event.data, effectiveDate: event.metadata.effectiveDate } as unknown as MemberEvent & {
      effectiveDate: string;
    });
  }
  const first = recorded[0].data.name;
  return { state, registeredName: typeof first === 'string' ? first : memberId };
}
