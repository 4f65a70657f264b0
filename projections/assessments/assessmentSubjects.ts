import type { AppraisalEvent } from '../../src/domain/assessments/appraisal.events';
import type { GroupScoreEvent } from '../../src/domain/assessments/groupScore.events';

/** Where a member belonged on a date (eventSubjects' `placeOn`). */
type PlaceOn = (memberId: string, date: string) => { branchId: string; groupId: string | null } | undefined;

/** A group's score is about the group and the branch it belonged to that day. */
export function groupScoreSubjects(data: GroupScoreEvent['data']): { memberIds: string[]; unitIds: string[] } {
  return { memberIds: [], unitIds: unique([data.groupId, data.branchId]) };
}

/** An appraisal is about the member, their branch and group on the effective date. */
export function appraisalSubjects(data: AppraisalEvent['data'], effectiveDate: string, placeOn: PlaceOn): { memberIds: string[]; unitIds: string[] } {
  const place = placeOn(data.memberId, effectiveDate);
  const placeIds = place === undefined ? [] : [place.branchId, place.groupId];
  return { memberIds: [data.memberId], unitIds: unique([...placeIds, data.branchId]) };
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
