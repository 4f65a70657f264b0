import type { Projection } from '../shared/projection';
import { appraisalsProjection } from './appraisals.projection';
import { groupScoresProjection } from './groupScores.projection';

/** The assessments feature's read models: group scores and member appraisals. */
export const assessmentsProjections: readonly Projection[] = [groupScoresProjection, appraisalsProjection];

export { appraisalsProjection, groupScoresProjection };
export { APPRAISALS, type AppraisalDocument } from './appraisals.documents';
export { GROUP_SCORES, type GroupScoreDocument } from './groupScores.documents';
export { assessmentSubjectRules } from './assessmentSubjects';
