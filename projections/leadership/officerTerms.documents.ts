import type { UnitLevel } from '../../src/domain/units/unitLevel';
import type { OfficerRole } from '../../src/domain/leadership/officerRole';

/** Why a term of office ended before or at its due date. */
export type OfficeEndReason = 'SUPERSEDED' | 'RESIGNED' | 'REMOVED';

export const OFFICER_TERMS = 'officerTerms';

/**
 * Collection `officerTerms`: one officer's term from one election, as a validity interval
 * [validFrom, validTo): from the election until the next election of the unit, a resignation or
 * a removal (exclusive); open while in office, also after `termEndsOn` when no new election was held.
 */
export type OfficerTermDocument = {
  /** `${electionId}:${memberId}` */
  _id: string;
  electionId: string;
  unitId: string;
  unitLevel: UnitLevel;
  memberId: string;
  role: OfficerRole;
  votes: number | null;
  heldOn: string;
  termYears: number;
  /** The day the term runs out: a new election is due by then. */
  termEndsOn: string;
  validFrom: string;
  validTo: string | null;
  endReason: OfficeEndReason | null;
  /** The reason given with a resignation or removal. */
  endNote: string | null;
  /** When the election that started the term was recorded. */
  recordedAt: string;
  /** When the fact that ended the term (the next election, a resignation or a removal) was recorded; null while open. */
  endRecordedAt: string | null;
  /** Of the term's last fact. */
  position: string;
  /** Revision of the unit's leadership stream after the term's last fact (for expectedVersion). */
  version: number;
};

export const officerTermId = (electionId: string, memberId: string): string => `${electionId}:${memberId}`;
