import type { Projection } from '../shared/projection';
import { unitsProjection } from './units.projection';
import { unitVersionsProjection } from './unitVersions.projection';

/** The units feature's read models, in the order a batch applies them. */
export const unitsProjections: readonly Projection[] = [unitsProjection, unitVersionsProjection];

export { unitsProjection, unitVersionsProjection };
export { UNITS, type UnitDocument, type UnitStatus } from './units.documents';
export { UNIT_TIMELINES, UNIT_VERSIONS, type UnitTimelineChange, type UnitTimelineDocument, type UnitVersionDocument } from './unitVersions.documents';
export { loadUnitVersions } from './unitVersions.load';
export { withAncestorsOn } from './unitAncestry';
export { unitSubjectRules } from './unitSubjects';
