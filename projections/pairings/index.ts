import type { Projection } from '../shared/projection';
import { pairingsProjection } from './pairings.projection';

/** The pairings feature's read models. */
export const pairingsProjections: readonly Projection[] = [pairingsProjection];

export { pairingsProjection };
export { PAIRINGS, type PairingDocument } from './pairings.documents';
export { pairingSubjectRules } from './pairingSubjects';
