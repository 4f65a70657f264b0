import { assessmentSubjectRules } from './assessmentSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { appraisalsProjection } from './appraisals.projection';
import { groupScoresProjection } from './groupScores.projection';

/** The assessments feature's read models: group scores and member appraisals. */
export const assessmentsReadModels = {
  projections: [groupScoresProjection, appraisalsProjection],
  subjectRules: assessmentSubjectRules,
} satisfies ReadModelFeature;

export { appraisalsProjection, groupScoresProjection };
export { APPRAISALS, type AppraisalDocument } from './appraisals.documents';
export { GROUP_SCORES, type GroupScoreDocument } from './groupScores.documents';
