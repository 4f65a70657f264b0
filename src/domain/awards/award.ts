import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { AwardEvent } from './award.events';
import type { AwardTitle, RecipientKind } from './awardTitle';

export interface NoAward {
  exists: false;
}

export interface GrantedAward {
  exists: true;
  awardId: string;
  recipientKind: RecipientKind;
  recipientId: string;
  title: AwardTitle;
  grantedById: string;
  grantedOn: LocalDate;
  revokedOn: LocalDate | null;
}

/** The state of stream `award-<awardId>`. */
export type AwardState = NoAward | GrantedAward;

export const initialAwardState = (): AwardState => ({ exists: false });

export function evolve(state: AwardState, event: Dated<AwardEvent>): AwardState {
  switch (event.type) {
    case 'AwardGranted': {
      const { awardId, recipientKind, recipientId, title, grantedById } = event.data;
      return { exists: true, awardId, recipientKind, recipientId, title, grantedById, grantedOn: event.effectiveDate, revokedOn: null };
    }
    case 'AwardRevoked':
      // Only AwardGranted can start a stream; a revocation on an empty state is ignored.
      return state.exists ? { ...state, revokedOn: event.effectiveDate } : state;
    default:
      return assertNever(event);
  }
}
