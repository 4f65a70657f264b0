import type { PositionedEvent } from '../../src/domain/events';
import type { DuesEvent } from '../../src/domain/dues/dues.events';

/** Where a member belonged on a date (eventSubjects' `placeOn`). */
type PlaceOn = (memberId: string, date: string) => { branchId: string; groupId: string | null } | undefined;

/**
 * A dues event is about the member and where they were on the effective date; a payment is also
 * about the branch it is credited to, which for an old period may be a branch they have left.
 */
export function duesSubjects(event: PositionedEvent<DuesEvent>, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  const place = placeOn(event.data.memberId, event.effectiveDate);
  const credited = event.type === 'DuesPaid' ? [event.data.creditedBranchId] : [];
  const ids = [...(place === undefined ? [] : [place.branchId, place.groupId]), ...credited];
  return { memberIds: [event.data.memberId], unitIds: [...new Set(ids.filter((id): id is string => id !== null))] };
}
