import type { AwardEvent } from '../../src/domain/awards/award.events';

/** Where a member belonged on a date (eventSubjects' `placeOn`). */
type PlaceOn = (memberId: string, date: string) => { branchId: string; groupId: string | null } | undefined;

/**
 * An award is about its recipient and the unit that granted it; a member's award is also about
 * their branch and group on the effective date, so that it shows in that subtree's events.
 */
export function awardSubjects(data: AwardEvent['data'], effectiveDate: string, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  if (data.recipientKind === 'UNIT') return { memberIds: [], unitIds: unique([data.recipientId, data.grantedById]) };
  const place = placeOn(data.recipientId, effectiveDate);
  const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
  return { memberIds: [data.recipientId], unitIds: unique([...placeIds, data.grantedById]) };
}

/** The members whose place on the effective date `awardSubjects` needs. */
export function awardMemberIds(data: AwardEvent['data']): string[] {
  return data.recipientKind === 'MEMBER' ? [data.recipientId] : [];
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
