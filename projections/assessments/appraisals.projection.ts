import type { AppraisalEvent } from '../../src/domain/assessments/appraisal.events';
import type { PositionedEvent } from '../../src/domain/events';
import { type AppraisalDocument, APPRAISALS } from './appraisals.documents';
import { appraisalAggregate } from '../../src/domain/assessments/appraisal.aggregate';
import { defineSupersedingProjection } from '../shared/defineSupersedingProjection';
import { whereIn } from '../shared/correctionScope';

/** `appraisals`: every yearly appraisal of every member, each superseded one marked by its successor. */
export const appraisalsProjection = defineSupersedingProjection({
  name: 'appraisals',
  handles: appraisalAggregate.eventTypes,
  collection: APPRAISALS,
  indexes: [{ memberId: 1, year: 1 }],
  forgets: (scope) => whereIn('memberId', scope.idsIn('appraisal')),
  recordId: (event) => event.data.appraisalId,
  supersedes: (event) => event.data.supersedes,
  recordOf: appraisalOf,
  superseded: (replaced, event) => ({ ...replaced, supersededBy: event.data.appraisalId, supersededOn: event.effectiveDate, position: event.position }),
});

export function appraisalOf(event: PositionedEvent<AppraisalEvent>): AppraisalDocument {
  const { appraisalId, memberId, year, grade, branchId, supersedes } = event.data;
  return {
    _id: appraisalId,
    memberId,
    year,
    grade,
    appraisedOn: event.effectiveDate,
    branchId,
    supersedes,
    supersededBy: null,
    supersededOn: null,
    recordedAt: event.recordedAt,
    position: event.position,
    version: event.revision,
  };
}
