import type { CounterpartKind, PairingKind, PartyKind } from '../../src/domain/pairings/pairingKind';

export const PAIRINGS = 'pairings';

/**
 * Collection `pairings`: each pairing as a validity interval [validFrom, validTo): from its start
 * to its end (exclusive), open while it holds.
 */
export type PairingDocument = {
  /** The pairing id. */
  _id: string;
  kind: PairingKind;
  partyKind: PartyKind;
  partyId: string;
  counterpartKind: CounterpartKind;
  /** Set for a MEMBER or UNIT counterpart. */
  counterpartId: string | null;
  /** Set for an outside counterpart (village, household, …), as typed. */
  counterpartName: string | null;
  /** `counterpartKey` of the domain: the same village typed twice has one key. */
  counterpartKey: string;
  /** The normalized name of an outside counterpart, for search by name across kinds; null for MEMBER and UNIT. */
  counterpartNameKey: string | null;
  validFrom: string;
  /** The day the pairing ended (exclusive); null while it holds. */
  validTo: string | null;
  endReason: string | null;
  /** When the assignment that started the pairing was recorded. */
  recordedAt: string;
  /** When the end of the pairing was recorded; null while it holds. */
  endRecordedAt: string | null;
  /** Of the last fact about the pairing. */
  position: string;
  /** Revision of the pairing's stream (for expectedVersion). */
  version: number;
};
