import { addYears, type LocalDate } from '../shared/localDate';
import type { AttendanceOutcome } from './meetingKind';

/** A member is dealt with after this many unexcused absences in a row from theme party days… */
export const CONSECUTIVE_ABSENCES = 3;
/** …or this many in total within the twelve months. */
export const CUMULATIVE_ABSENCES = 6;

export type FlagReason = 'CONSECUTIVE' | 'CUMULATIVE';

export interface PartyDayOutcome {
  heldOn: LocalDate;
  outcome: AttendanceOutcome;
}

/** A member's flag: their tally in the window, why it flags them, and their last absence. */
export interface AttendanceFlagFacts extends PartyDayTally {
  /** CONSECUTIVE when a run of 3 was reached (even if 6 in total were too), else CUMULATIVE. */
  reason: FlagReason;
  lastAbsentOn: LocalDate;
}

/** The twelve months a flag looks at: after `after` (exclusive) up to and including `upTo`. */
export interface FlagWindow {
  after: LocalDate;
  upTo: LocalDate;
}

/** How a member took part in theme party days within a window. */
export interface PartyDayTally {
  /** Unexcused absences. */
  absences: number;
  /** The longest run of unexcused absences in a row. */
  longestRun: number;
  /** Theme party days the member was listed at. */
  partyDays: number;
  /** The days of the unexcused absences, oldest first. */
  absentOn: LocalDate[];
}

/** The window of a flag on `asOf`: the twelve months up to and including it. */
export function flagWindow(asOf: LocalDate): FlagWindow {
  return { after: addYears(asOf, -1), upTo: asOf };
}

/**
 * Counts a member's theme party days in `window`. Only days the member was listed at count: a
 * day they were not listed at neither adds an absence nor breaks a run; being present or excused
 * breaks a run. Outcomes outside the window are ignored.
 */
export function partyDayTally(outcomes: readonly PartyDayOutcome[], window: FlagWindow): PartyDayTally {
  const { after, upTo } = window;
  const inWindow = outcomes.filter((day) => day.heldOn > after && day.heldOn <= upTo).sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  const absentOn: LocalDate[] = [];
  let run = 0;
  let longestRun = 0;
  for (const day of inWindow) {
    if (day.outcome === 'ABSENT') {
      absentOn.push(day.heldOn);
      run++;
      longestRun = Math.max(longestRun, run);
    } else {
      run = 0;
    }
  }
  return { absences: absentOn.length, longestRun, partyDays: inWindow.length, absentOn };
}

/** The flag a tally amounts to, or null: 3 unexcused absences in a row, or 6 in total. */
export function flagOf(tally: PartyDayTally): AttendanceFlagFacts | null {
  const consecutive = tally.longestRun >= CONSECUTIVE_ABSENCES;
  if (!consecutive && tally.absences < CUMULATIVE_ABSENCES) return null;
  return {
    reason: consecutive ? 'CONSECUTIVE' : 'CUMULATIVE',
    ...tally,
    lastAbsentOn: tally.absentOn[tally.absentOn.length - 1],
  };
}

/** The flag of one member on `asOf` from their theme-party-day outcomes, or null (see `partyDayTally`). */
export function attendanceFlag(outcomes: readonly PartyDayOutcome[], asOf: LocalDate, window: FlagWindow = flagWindow(asOf)): AttendanceFlagFacts | null {
  return flagOf(partyDayTally(outcomes, window));
}
