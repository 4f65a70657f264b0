import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { Counterpart } from './counterpartKey';
import type { PairingEvent } from './pairing.events';
import type { PairingKind, PartyKind } from './pairingKind';

export interface NoPairing {
  exists: false;
}

export interface AssignedPairing {
  exists: true;
  pairingId: string;
  kind: PairingKind;
  partyKind: PartyKind;
  partyId: string;
  counterpart: Counterpart;
  startOn: LocalDate;
  /** Null while the pairing holds. */
  endedOn: LocalDate | null;
}

/** The state of stream `pairing-<pairingId>`. */
export type PairingState = NoPairing | AssignedPairing;

export const initialPairingState = (): PairingState => ({ exists: false });

export function evolve(state: PairingState, event: Dated<PairingEvent>): PairingState {
  switch (event.type) {
    case 'PairingAssigned': {
      const { pairingId, kind, partyKind, partyId, counterpart } = event.data;
      return { exists: true, pairingId, kind, partyKind, partyId, counterpart, startOn: event.effectiveDate, endedOn: null };
    }
    case 'PairingEnded':
      return state.exists ? { ...state, endedOn: event.effectiveDate } : state;
    default:
      return assertNever(event);
  }
}
