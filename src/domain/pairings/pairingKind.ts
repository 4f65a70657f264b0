/** Kinds of pairing (DOMAIN.md "Pairing assignment"), with who may take part in each. */
export const PAIRING_KINDS = ['LEGAL_ADVISER', 'MENTOR', 'CONTACT_POINT', 'ASSISTANCE'] as const;
export type PairingKind = (typeof PAIRING_KINDS)[number];

/** Who is paired: a member, or a unit of the organization. */
export const PARTY_KINDS = ['MEMBER', 'UNIT'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** MEMBER and UNIT are inside the organization (named by id); the others are outside it (named by name). */
export const COUNTERPART_KINDS = ['MEMBER', 'UNIT', 'VILLAGE', 'COMMUNITY', 'HOUSEHOLD', 'OTHER'] as const;
export type CounterpartKind = (typeof COUNTERPART_KINDS)[number];

export const isInternal = (kind: CounterpartKind): kind is 'MEMBER' | 'UNIT' => kind === 'MEMBER' || kind === 'UNIT';

export interface PairingRule {
  parties: readonly PartyKind[];
  counterparts: readonly CounterpartKind[];
  /** Whether a counterpart may have only one pairing of this kind at a time (一村一法律顾问). */
  oneAtATimePerCounterpart: boolean;
  /** Whether the member must hold an office (an officer term in force) on the start date: a leader's contact point. */
  partyHoldsOffice: boolean;
}

/** 一村一法律顾问, 新老结合, 联系点, 帮扶结对子. */
export const PAIRING_RULES: Readonly<Record<PairingKind, PairingRule>> = {
  LEGAL_ADVISER: { parties: ['MEMBER'], counterparts: ['VILLAGE', 'COMMUNITY'], oneAtATimePerCounterpart: true, partyHoldsOffice: false },
  MENTOR: { parties: ['MEMBER'], counterparts: ['MEMBER'], oneAtATimePerCounterpart: false, partyHoldsOffice: false },
  CONTACT_POINT: { parties: ['MEMBER'], counterparts: ['UNIT'], oneAtATimePerCounterpart: false, partyHoldsOffice: true },
  ASSISTANCE: { parties: ['MEMBER', 'UNIT'], counterparts: ['HOUSEHOLD'], oneAtATimePerCounterpart: false, partyHoldsOffice: false },
};
