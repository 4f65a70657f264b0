import type { AppraisalEvent } from '../../src/domain/assessments/appraisal.events';
import type { GroupScoreEvent } from '../../src/domain/assessments/groupScore.events';
import type { PlaceOn, SubjectRules } from '../shared/subjectRule';

/** A group's score is about the group and the branch it belonged to that day. */
function groupScoreSubjects(data: GroupScoreEvent['data']): { memberIds: string[]; unitIds: string[] } {
  return { memberIds: [], unitIds: unique([data.groupId, data.branchId]) };
}

/** An appraisal is about the member, their branch and group on the effective date. */
function appraisalSubjects(data: AppraisalEvent['data'], effectiveDate: string, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  const place = placeOn(data.memberId, effectiveDate);
  const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
  return { memberIds: [data.memberId], unitIds: unique([...placeIds, data.branchId]) };
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export const assessmentSubjectRules = {
  GroupScored: { subjects: (event) => groupScoreSubjects(event.data) },
  MemberAppraised: {
    subjects: (event, facts) => appraisalSubjects(event.data, event.effectiveDate, facts.placeOn),
    placesOf: (event) => [event.data.memberId],
  },
} satisfies SubjectRules<GroupScoreEvent['type'] | AppraisalEvent['type']>;
