import type { Projection } from '../shared/projection';
import { officerTermsProjection } from './officerTerms.projection';

/** The leadership feature's read models. */
export const leadershipProjections: readonly Projection[] = [officerTermsProjection];

export { officerTermsProjection };
export { OFFICER_TERMS, type OfficeEndReason, type OfficerTermDocument } from './officerTerms.documents';
export { leadershipSubjectRules } from './leadershipSubjects';
