import type { PositionedEvent } from '../../src/domain/events';
import type { AwardEvent } from '../../src/domain/awards/award.events';
import type { PlaceOn, SubjectRule, SubjectRules } from '../shared/subjectRule';

/**
 * An award is about its recipient and the unit that granted it; a member's award is also about
 * their branch and group on the effective date, so that it shows in that subtree's events.
 */
function awardSubjects(data: AwardEvent['data'], effectiveDate: string, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  if (data.recipientKind === 'UNIT') return { memberIds: [], unitIds: unique([data.recipientId, data.grantedById]) };
  const place = placeOn(data.recipientId, effectiveDate);
  const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
  return { memberIds: [data.recipientId], unitIds: unique([...placeIds, data.grantedById]) };
}

/** The members whose place on the effective date `awardSubjects` needs. */
function awardMemberIds(data: AwardEvent['data']): string[] {
  return data.recipientKind === 'MEMBER' ? [data.recipientId] : [];
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

const aboutTheAward: SubjectRule<PositionedEvent<AwardEvent>> = {
  subjects: (event, facts) => awardSubjects(event.data, event.effectiveDate, facts.placeOn),
  placesOf: (event) => awardMemberIds(event.data),
};

export const awardSubjectRules = { AwardGranted: aboutTheAward, AwardRevoked: aboutTheAward } satisfies SubjectRules<AwardEvent['type']>;
