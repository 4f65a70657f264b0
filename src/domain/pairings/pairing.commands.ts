import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';
import type { CounterpartKind, PairingKind } from './pairingKind';

/** What a decider needs to know about a member on one date, resolved from the member's stream. */
export interface MemberOnDate {
  memberId: string;
  name: string;
  /** Registered on or before the date and not left on or before it. */
  active: boolean;
}

/** The member or unit an id names, as it stood on the date; null when it names neither. */
export type PartyOnDate = { kind: 'MEMBER'; member: MemberOnDate } | { kind: 'UNIT'; unit: UnitOnDate };

/** A pairing of the read models that overlaps the new one: its interval has not ended by the start date. */
export interface OverlappingPairing {
  pairingId: string;
  partyId: string;
  /** The party's name, for the error message. */
  partyName: string;
  startOn: string;
  /** Held by a party outside the caller's part of the organization: the message names neither it nor the pairing. */
  outsideCallerScope?: true;
}

/** `effectiveDate` is the day the pairing starts. */
export type AssignPairing = CommandTime & {
  type: 'AssignPairing';
  pairingId: string;
  kind: PairingKind;
  partyId: string;
  party: PartyOnDate | null;
  counterpart: { kind: CounterpartKind; id: string | null; name: string | null };
  /** The internal counterpart on the start date; null for an outside one or an id that names nothing. */
  counterpartOnDate: PartyOnDate | null;
  /** For a kind with one pairing at a time per counterpart: the one already holding, if any. */
  counterpartTakenBy: OverlappingPairing | null;
  /** The same kind, party and counterpart already paired and not ended by the start date. */
  identical: OverlappingPairing | null;
  /** For a kind whose party must hold office: whether the member was in office on the start date. */
  partyHoldsOffice: boolean;
};

export type EndPairing = CommandTime & { type: 'EndPairing'; pairingId: string; reason: string | null };

export type PairingCommand = AssignPairing | EndPairing;
