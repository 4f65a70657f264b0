import type { PositionedEvent } from '../../src/domain/events';
import type { DuesEvent } from '../../src/domain/dues/dues.events';
import type { PlaceOn, SubjectRule, SubjectRules } from '../shared/subjectRule';

/**
 * A dues event is about the member and where they were on the effective date; a payment is also
 * about the branch it is credited to, which for an old period may be a branch they have left.
 */
function duesSubjects(event: PositionedEvent<DuesEvent>, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  const place = placeOn(event.data.memberId, event.effectiveDate);
  const credited = event.type === 'DuesPaid' ? [event.data.creditedBranchId] : [];
  const ids = [...(place === undefined ? [] : [place.branchId, place.groupId]), ...credited];
  return { memberIds: [event.data.memberId], unitIds: [...new Set(ids.filter((id): id is string => id !== null))] };
}

const aboutTheMembersDues: SubjectRule<PositionedEvent<DuesEvent>> = {
  subjects: (event, facts) => duesSubjects(event, facts.placeOn),
  placesOf: (event) => [event.data.memberId],
};

export const duesSubjectRules = { DuesBaseSet: aboutTheMembersDues, DuesPaid: aboutTheMembersDues } satisfies SubjectRules<DuesEvent['type']>;
