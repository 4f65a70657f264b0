import { awardSubjectRules } from './awardSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { awardsProjection } from './awards.projection';

/** The awards feature's read models. */
export const awardsReadModels = {
  projections: [awardsProjection],
  subjectRules: awardSubjectRules,
} satisfies ReadModelFeature;

export { awardsProjection };
export { AWARDS, type AwardDocument } from './awards.documents';
