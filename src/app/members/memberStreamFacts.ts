import type { RegisteredMember } from '../../domain/members/member';
import { memberDecider } from '../../domain/members/member.decide';
import { memberStream } from '../../domain/members/member.events';
import type { EventStore } from '../../eventstore/eventStore';
import { readAggregateEvents } from '../commands/loadAggregate';
import { currentMember, isActiveMemberOn, memberOn, type MemberHistory, type MemberStep } from './memberHistory';

/** A member on one date, as the decisions of other features need them. */
export interface MemberStanding {
  memberId: string;
  /** Their name as the records say now (a correction holds for every date). */
  name: string;
  /** Registered on or before the date and not left on or before it (`isActiveMemberOn`). */
  active: boolean;
  /** How they stood on the date; null when registered only later. */
  onDate: RegisteredMember | null;
}

/**
 * Members as their own streams record them, so that decisions of other features (awards,
 * pairings, elections, dues, appraisals) see them exactly as recorded, with no read-model lag.
 * The one fold of a member stream outside the member command path.
 */
export class MemberStreamFacts {
  constructor(private readonly store: EventStore) {}

  /** Null when no member has this id. */
  async history(memberId: string): Promise<MemberHistory | null> {
    if (memberId.trim() === '') return null;
    const { events } = await readAggregateEvents(this.store, memberStream(memberId), memberDecider);
    let state = memberDecider.initialState();
    const steps: MemberStep[] = [];
    for (const event of events) {
      state = memberDecider.evolve(state, event);
      if (state.exists) steps.push({ effectiveDate: event.effectiveDate, member: state });
    }
    return steps.length === 0 ? null : { memberId, steps };
  }

  /** Null when no member has this id. */
  async standingOn(memberId: string, date: string): Promise<MemberStanding | null> {
    const history = await this.history(memberId);
    if (history === null) return null;
    const member = currentMember(history);
    return { memberId, name: member.name, active: isActiveMemberOn(member, date), onDate: memberOn(history, date) };
  }
}
