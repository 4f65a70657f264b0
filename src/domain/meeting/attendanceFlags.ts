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

export interface AttendanceFlagFacts {
  /** CONSECUTIVE when a run of 3 was reached (even if 6 in total were too), else CUMULATIVE. */
  reason: FlagReason;
  /** Unexcused absences in the window. */
  absences: number;
  /** The longest run of unexcused absences in a row. */
  longestRun: number;
  /** Theme party days the member was listed at in the window. */
  partyDays: number;
  absentOn: LocalDate[];
  lastAbsentOn: LocalDate;
}

/** The window of a flag on `asOf`: the twelve months up to and including it. */
export function flagWindow(asOf: LocalDate): { after: LocalDate; upTo: LocalDate } {
  return { after: addYears(asOf, -1), upTo: asOf };
}

/**
 * The flag of one member from their theme-party-day outcomes, or null. Only days the member was
 * listed at count: a day they were not listed at neither adds an absence nor breaks a run; being
 * present or excused breaks a run. Outcomes outside the window are ignored.
 */
export function attendanceFlag(outcomes: readonly PartyDayOutcome[], asOf: LocalDate): AttendanceFlagFacts | null {
  const { after, upTo } = flagWindow(asOf);
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
  const consecutive = longestRun >= CONSECUTIVE_ABSENCES;
  if (!consecutive && absentOn.length < CUMULATIVE_ABSENCES) return null;
  return {
    reason: consecutive ? 'CONSECUTIVE' : 'CUMULATIVE',
    absences: absentOn.length,
    longestRun,
    partyDays: inWindow.length,
    absentOn,
    lastAbsentOn: absentOn[absentOn.length - 1]!,
  };
}
