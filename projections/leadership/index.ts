import { leadershipSubjectRules } from './leadershipSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { officerTermsProjection } from './officerTerms.projection';

/** The leadership feature's read models. */
export const leadershipReadModels = {
  projections: [officerTermsProjection],
  subjectRules: leadershipSubjectRules,
} satisfies ReadModelFeature;

export { officerTermsProjection };
export { OFFICER_TERMS, type OfficeEndReason, type OfficerTermDocument } from './officerTerms.documents';
