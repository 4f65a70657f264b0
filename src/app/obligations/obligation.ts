import type { Period as DuesPeriod } from '../../domain/dues/period';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { Frequency } from '../../domain/meetings/meetingRequirements';
import type { LocalDate } from '../../domain/shared/localDate';
import type { OfficerTermDocument } from '../../../projections';

/** What can fall due in a unit's subtree, in the order obligations due on the same day are listed. */
export const OBLIGATION_KINDS = ['TERM_ENDING', 'TERM_LAPSED', 'PROBATION_ENDING', 'MEETING_DUE', 'DUES_ARREARS'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

interface ObligationFacts {
  /** The same obligation has the same id on every asOf it is listed on. */
  id: string;
  dueOn: LocalDate;
  /** The rule that makes it due, in plain language. */
  rule: string;
  /** The unit concerned: the unit that elected, the member's branch, the branch or group that meets. */
  unitId: string;
  memberId: string | null;
}

export type TermObligation = ObligationFacts & {
  kind: 'TERM_ENDING' | 'TERM_LAPSED';
  /** The most senior officer's term; every officer of the same election shares its end. */
  term: OfficerTermDocument;
};

export type ProbationObligation = ObligationFacts & { kind: 'PROBATION_ENDING'; memberId: string; probationStartedOn: LocalDate };

export type MeetingObligation = ObligationFacts & {
  kind: 'MEETING_DUE';
  meetingKind: MeetingKind;
  frequency: Frequency;
  /** `2026-06`, `2026-Q2` or `2026`. */
  period: string;
};

export type DuesArrearsObligation = ObligationFacts & {
  kind: 'DUES_ARREARS';
  memberId: string;
  /** Months over before asOf that are not paid in full, oldest first. */
  unpaidPeriods: DuesPeriod[];
  outstandingMinor: number;
};

export type Obligation = TermObligation | ProbationObligation | MeetingObligation | DuesArrearsObligation;

/** By due date, then kind (in OBLIGATION_KINDS order), then id. */
export function byDueOnThenKind(a: Obligation, b: Obligation): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const kind = OBLIGATION_KINDS.indexOf(a.kind) - OBLIGATION_KINDS.indexOf(b.kind);
  if (kind !== 0) return kind;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
