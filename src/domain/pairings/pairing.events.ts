import { eventTypesOf } from '../aggregate';
import type { Counterpart } from './counterpartKey';
import type { PairingKind, PartyKind } from './pairingKind';

/**
 * Events of the pairing aggregate, stream `pairing-<pairingId>`. The effective date of
 * PairingAssigned is the day the pairing starts; that of PairingEnded the day it no longer holds.
 */
export type PairingAssigned = {
  type: 'PairingAssigned';
  data: { pairingId: string; kind: PairingKind; partyKind: PartyKind; partyId: string; counterpart: Counterpart };
};
/** Repeats who was paired, so that a subscriber needs no lookup to know whom the end concerns. */
export type PairingEnded = {
  type: 'PairingEnded';
  data: { pairingId: string; kind: PairingKind; partyKind: PartyKind; partyId: string; counterpart: Counterpart; reason: string | null };
};

export type PairingEvent = PairingAssigned | PairingEnded;

export const pairingStream = (pairingId: string): string => `pairing-${pairingId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const pairingEventTypes = eventTypesOf<PairingEvent>({ PairingAssigned: true, PairingEnded: true });
