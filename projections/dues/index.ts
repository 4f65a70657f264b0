import { duesSubjectRules } from './duesSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { duesProjection } from './dues.projection';

/** The dues feature's read models (they read the members feature's of the same batch). */
export const duesReadModels = {
  projections: [duesProjection],
  subjectRules: duesSubjectRules,
} satisfies ReadModelFeature;

export { duesProjection };
export { DUES_BASES, DUES_PAYMENTS, type DuesBaseDocument, type DuesPaymentDocument } from './dues.documents';
export { DUES_CREDITS, type DuesCreditDocument } from './duesCredits.documents';
export { DUES_HORIZON, DUES_HORIZON_ID, DUES_SPANS, type DuesHorizonDocument, type DuesSpanDocument } from './duesSpans.documents';
export { countedBranchOn, type Placement } from './duesPlacement';
export { branchYearsOf } from './duesSpans.compute';
