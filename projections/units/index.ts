import { unitSubjectRules } from './unitSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { unitsProjection } from './units.projection';
import { unitVersionsProjection } from './unitVersions.projection';

/** The units feature's read models, in the order a batch applies them. */
export const unitsReadModels = {
  projections: [unitsProjection, unitVersionsProjection],
  subjectRules: unitSubjectRules,
} satisfies ReadModelFeature;

export { unitsProjection, unitVersionsProjection };
export { UNITS, type UnitDocument, type UnitStatus } from './units.documents';
export { UNIT_TIMELINES, UNIT_VERSIONS, type UnitTimelineChange, type UnitTimelineDocument, type UnitVersionDocument } from './unitVersions.documents';
export { loadUnitVersions } from './unitVersions.load';
export { withAncestorsOn } from './unitAncestry';
