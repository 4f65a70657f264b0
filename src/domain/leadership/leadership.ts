import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import { maxDate, type LocalDate } from '../shared/localDate';
import type { LeadershipEvent } from './leadership.events';
import type { OfficerRole } from './officerRole';

export interface CurrentTerm {
  electionId: string;
  heldOn: LocalDate;
  termEndsOn: LocalDate;
  /** The officers of this election still in office. */
  inOffice: readonly { memberId: string; role: OfficerRole }[];
}

/** The state of stream `leadership-<unitId>`: the term of the latest election, if any. */
export interface LeadershipState {
  current: CurrentTerm | null;
  /** Effective date of the newest event in the stream. */
  lastChangeOn: LocalDate | null;
}

export const initialLeadershipState = (): LeadershipState => ({ current: null, lastChangeOn: null });

export function evolve(state: LeadershipState, event: Dated<LeadershipEvent>): LeadershipState {
  const lastChangeOn = state.lastChangeOn === null ? event.effectiveDate : maxDate(state.lastChangeOn, event.effectiveDate);
  switch (event.type) {
    case 'ElectionHeld': {
      const { electionId, heldOn, termEndsOn, officers } = event.data;
      return { current: { electionId, heldOn, termEndsOn, inOffice: officers.map(({ memberId, role }) => ({ memberId, role })) }, lastChangeOn };
    }
    case 'OfficerResigned':
    case 'OfficerRemoved': {
      const { current } = state;
      if (current === null || current.electionId !== event.data.electionId) return { ...state, lastChangeOn };
      return { current: { ...current, inOffice: current.inOffice.filter((officer) => officer.memberId !== event.data.memberId) }, lastChangeOn };
    }
    default:
      return assertNever(event);
  }
}
