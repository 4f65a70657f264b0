import type { Projection } from '../shared/projection';
import { awardsProjection } from './awards.projection';

/** The awards feature's read models. */
export const awardsProjections: readonly Projection[] = [awardsProjection];

export { awardsProjection };
export { AWARDS, type AwardDocument } from './awards.documents';
export { awardSubjectRules } from './awardSubjects';
