import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { AppraisalEvent } from './appraisal.events';

/** The appraisal a year currently stands at. */
export interface CurrentAppraisal {
  appraisalId: string;
  appraisedOn: LocalDate;
}

/** The state of stream `appraisal-<memberId>`: the current appraisal of each year appraised so far. */
export interface AppraisalState {
  byYear: Readonly<Record<number, CurrentAppraisal>>;
}

export const initialAppraisalState = (): AppraisalState => ({ byYear: {} });

export function evolve(state: AppraisalState, event: Dated<AppraisalEvent>): AppraisalState {
  switch (event.type) {
    case 'MemberAppraised':
      return { byYear: { ...state.byYear, [event.data.year]: { appraisalId: event.data.appraisalId, appraisedOn: event.effectiveDate } } };
    default:
      return assertNever(event.type);
  }
}
