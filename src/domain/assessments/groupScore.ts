import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { GroupScoreEvent } from './groupScore.events';

/** The score a quarter currently stands at. */
export interface CurrentScore {
  scoreId: string;
  scoredOn: LocalDate;
}

/** The state of stream `groupscore-<groupId>`: the current score of each quarter scored so far. */
export interface GroupScoreState {
  byQuarter: Readonly<Record<string, CurrentScore>>;
}

export const initialGroupScoreState = (): GroupScoreState => ({ byQuarter: {} });

export function evolve(state: GroupScoreState, event: Dated<GroupScoreEvent>): GroupScoreState {
  switch (event.type) {
    case 'GroupScored':
      return { byQuarter: { ...state.byQuarter, [event.data.quarter]: { scoreId: event.data.scoreId, scoredOn: event.effectiveDate } } };
    default:
      return assertNever(event.type);
  }
}
