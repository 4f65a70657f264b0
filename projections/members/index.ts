import { memberSubjectRules } from './memberSubjects';
import type { ReadModelFeature } from '../shared/readModelFeature';
import { membersProjection } from './members.projection';
import { membershipsProjection } from './memberships.projection';
import { transfersProjection } from './transfers.projection';

/** The members feature's read models (transfers included), in the order a batch applies them. */
export const membersReadModels = {
  projections: [membershipsProjection, membersProjection, transfersProjection],
  subjectRules: memberSubjectRules,
} satisfies ReadModelFeature;

export { membersProjection, membershipsProjection, transfersProjection };
export { MEMBERS, type MemberDocument, type OpenTransfer } from './members.documents';
export { MEMBER_TIMELINES, MEMBERSHIPS, type MemberTimelineChange, type MemberTimelineDocument, type MembershipDocument } from './memberships.documents';
export { membershipsInUnitsOn, membershipsInUnitYears, unitYearsOf } from './memberships.years';
export { TRANSFERS, type TransferDocument, type TransferStatus } from './transfers.documents';
export { UNIT_MEMBER_COUNTS, type MemberCountStep, type UnitMemberCountDocument } from './unitMemberCounts.documents';
export { countDocumentIds, countFrom, countOn, memberCountSteps } from './unitMemberCounts.compute';
