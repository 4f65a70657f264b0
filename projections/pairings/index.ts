import { pairingSubjectRules } from './pairingSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { pairingsProjection } from './pairings.projection';

/** The pairings feature's read models. */
export const pairingsReadModels = {
  projections: [pairingsProjection],
  subjectRules: pairingSubjectRules,
} satisfies ReadModelFeature;

export { pairingsProjection };
export { PAIRINGS, type PairingDocument } from './pairings.documents';
