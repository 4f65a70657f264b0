import type { RegisteredMember } from '../../domain/members/member';
import type { LocalDate } from '../../domain/shared/localDate';

/** The member after one live event of their stream, with that event's effective date. */
export interface MemberStep {
  effectiveDate: LocalDate;
  member: RegisteredMember;
}

/**
 * A member's life as their own stream records it: the member after each live event, oldest
 * first, never empty. The stream is in effective-date order (each change is dated on or after
 * the one before it), so the last step dated on or before a day is how the member stood then.
 */
export interface MemberHistory {
  memberId: string;
  steps: readonly MemberStep[];
}

/** The member after the newest live event. */
export function currentMember(history: MemberHistory): RegisteredMember {
  return history.steps[history.steps.length - 1].member;
}

/**
 * The member as they stood on `date`; null when they were registered only later. Their name and
 * political birthday are as the records say now: a correction (`MemberDetailsCorrected`) holds
 * for every date.
 */
export function memberOn(history: MemberHistory, date: LocalDate): RegisteredMember | null {
  let found: RegisteredMember | null = null;
  for (const step of history.steps) {
    if (step.effectiveDate > date) break;
    found = step.member;
  }
  if (found === null) return null;
  const now = currentMember(history);
  return { ...found, name: now.name, joinedOn: found.joinedOn === null ? null : now.joinedOn };
}

/** The one answer to "was this member active on that date": registered on or before it and not left on or before it. */
export function isActiveMemberOn(member: RegisteredMember, date: LocalDate): boolean {
  return member.registeredOn <= date && (member.leftOn === null || member.leftOn > date);
}
