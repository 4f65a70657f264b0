import type { AppraisalQueries, StandingAppraisal } from '../../app/assessments/appraisalQueries';
import type { GroupScoreQueries, StandingScore } from '../../app/assessments/groupScoreQueries';
import type { AppraisalDocument, GroupScoreDocument } from '../../../projections';
import { datedLoader, idLoader } from '../shared/datedLoader';

/** Per-request loaders of group scores and appraisals: by id, and the standing ones of groups and members on a date. */
export function createAssessmentLoaders(scores: GroupScoreQueries, appraisals: AppraisalQueries) {
  return {
    scoreById: idLoader<GroupScoreDocument | undefined>((ids) => scores.byIds(ids), undefined),
    scoresOf: datedLoader<StandingScore[]>(
      (keys, date) =>
        scores.ofGroups(
          keys.map((key) => key.id),
          date,
        ),
      [],
    ),
    appraisalById: idLoader<AppraisalDocument | undefined>((ids) => appraisals.byIds(ids), undefined),
    appraisalsOf: datedLoader<StandingAppraisal[]>(
      (keys, date) =>
        appraisals.ofMembers(
          keys.map((key) => key.id),
          date,
        ),
      [],
    ),
  };
}

export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;
