import type { StandingAppraisal } from '../../app/assessments/appraisalQueries';
import type { StandingScore } from '../../app/assessments/groupScoreQueries';
import type { AppraisalDocument, GroupScoreDocument } from '../../../projections';
import { datedLoader, idLoader } from '../shared/datedLoader';
import { viewLoaders } from '../shared/viewLoaders';

/** Per-request loaders of group scores and appraisals: by id, and the standing ones of groups and members on a date. */
export const assessmentLoaders = viewLoaders(({ groupScoreQueries: scores, appraisalQueries: appraisals }) => ({
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
}));
