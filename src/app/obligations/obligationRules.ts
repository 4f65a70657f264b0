import { firstDayOf, nextPeriod, type Period as DuesPeriod } from '../../domain/dues/period';
import { assertNever } from '../../domain/shared/assertNever';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { Frequency } from '../../domain/meetings/meetingRequirements';
import type { MemberStage } from '../../domain/members/memberStatus';
import { InvalidInput } from '../../domain/shared/errors';
import { addYears, type LocalDate } from '../../domain/shared/localDate';
import type { UnitLevel } from '../../domain/units/unitLevel';

/** The longest window `obligations` looks ahead, in days (ten years, as for expiring terms). */
export const MAX_OBLIGATION_WINDOW_DAYS = 3_660;
/** DOMAIN.md "Members and their stages": probation normally lasts one year. */
export const PROBATION_YEARS = 1;
/** Arrears of more than this many months are an obligation. */
export const ARREARS_MONTHS_TOLERATED = 3;

export function requireWindow(within: number): number {
  if (!Number.isInteger(within) || within < 0 || within > MAX_OBLIGATION_WINDOW_DAYS) {
    throw new InvalidInput('INPUT.OUT_OF_RANGE', `within must be a whole number of days from 0 to ${MAX_OBLIGATION_WINDOW_DAYS}, got ${within}`, 'within');
  }
  return within;
}

/**
 * The day probation began. For a member who advanced to PROBATIONARY in the records, the start of
 * their first PROBATIONARY interval; for one registered as PROBATIONARY, their political birthday
 * (the day of admission), since they are often entered after being admitted elsewhere.
 * `intervals` are the member's memberships, oldest first; undefined if never PROBATIONARY.
 */
export function probationStart(intervals: readonly { validFrom: LocalDate; status: MemberStage }[], joinedOn: LocalDate | null): LocalDate | undefined {
  const index = intervals.findIndex((interval) => interval.status === 'PROBATIONARY');
  if (index === -1) return undefined;
  return index === 0 && joinedOn !== null ? joinedOn : intervals[index].validFrom;
}

export const probationEndsOn = (startedOn: LocalDate): LocalDate => addYears(startedOn, PROBATION_YEARS);

/**
 * The day a member's arrears went beyond ARREARS_MONTHS_TOLERATED months: the day after the month
 * that made one too many ended. `unpaid` are months over and not paid in full, oldest first.
 */
export function arrearsDueOn(unpaid: readonly DuesPeriod[]): LocalDate | undefined {
  const tooMany = unpaid[ARREARS_MONTHS_TOLERATED];
  return tooMany === undefined ? undefined : firstDayOf(nextPeriod(tooMany));
}

export function termRule(level: UnitLevel, termYears: number, lapsed: boolean): string {
  const elected = `${electedBody(level)} is elected for ${termYears} ${termYears === 1 ? 'year' : 'years'}`;
  return lapsed
    ? `${elected}; this term has ended and no new election has been held: the election is overdue.`
    : `${elected}; a new election is due when the term ends.`;
}

export function probationRule(): string {
  return `Probation lasts ${PROBATION_YEARS} year from admission as a probationary member; when it ends the branch decides to confirm the member as a full member, extend the probation or end it.`;
}

export function meetingRule(kind: MeetingKind, frequency: Frequency): string {
  const holder = kind === 'GROUP_MEETING' ? 'A group' : kind === 'DEMOCRATIC_LIFE' ? "A committee's leadership" : 'A branch';
  const every = frequency === 'MONTHLY' ? 'month' : frequency === 'QUARTERLY' ? 'quarter' : 'year';
  return `${holder} holds ${meetingName(kind)} every ${every}; none has been held yet this ${every}, and it is due by the ${every}'s last day.`;
}

export function duesArrearsRule(): string {
  return `Dues are paid every month, in full and on time; a member who owes more than ${ARREARS_MONTHS_TOLERATED} months of dues is to be followed up by the branch.`;
}

function electedBody(level: UnitLevel): string {
  switch (level) {
    case 'DISTRICT':
      return "A district's committee";
    case 'COMMITTEE':
      return 'A party committee or general branch committee';
    case 'BRANCH':
      return 'A branch committee';
    case 'GROUP':
      return 'A group leader';
    default:
      return assertNever(level);
  }
}

function meetingName(kind: MeetingKind): string {
  switch (kind) {
    case 'GENERAL_ASSEMBLY':
      return 'a general assembly of its members (支部党员大会)';
    case 'BRANCH_COMMITTEE':
      return 'a branch committee meeting (支委会)';
    case 'GROUP_MEETING':
      return 'a group meeting (党小组会)';
    case 'PARTY_LECTURE':
      return 'a party lecture (党课)';
    case 'THEME_PARTY_DAY':
      return 'a theme party day (主题党日)';
    case 'ORGANIZATIONAL_LIFE':
      return 'an organizational life meeting (组织生活会)';
    case 'DEMOCRATIC_LIFE':
      return 'a democratic life meeting (民主生活会)';
    default:
      return assertNever(kind);
  }
}
