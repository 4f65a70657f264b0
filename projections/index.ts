import { attendanceFlagStatesProjection } from './meetings/attendanceFlagStates.projection';
import { awardsProjection } from './awards/awards.projection';
import { appraisalsProjection } from './assessments/appraisals.projection';
import { groupScoresProjection } from './assessments/groupScores.projection';
import { duesProjection } from './dues/dues.projection';
import { eventIndexProjection } from './eventLog/eventIndex.projection';
import { meetingsProjection } from './meetings/meetings.projection';
import { membersProjection } from './members/members.projection';
import { membershipsProjection } from './members/memberships.projection';
import { officerTermsProjection } from './leadership/officerTerms.projection';
import { pairingsProjection } from './pairings/pairings.projection';
import type { Projection } from './shared/projection';
import { transfersProjection } from './members/transfers.projection';
import { unitsProjection } from './units/units.projection';
import { unitVersionsProjection } from './units/unitVersions.projection';

export * from './shared/collections';
export type { Projection } from './shared/projection';
export { activeOn, isActiveOn, lastStartedOn, type Interval } from './shared/temporal';
export type { UnitDocument, UnitStatus } from './units/units.documents';
export type { UnitTimelineChange, UnitTimelineDocument, UnitVersionDocument } from './units/unitVersions.documents';
export type { MemberTimelineChange, MemberTimelineDocument, MembershipDocument } from './members/memberships.documents';
export { membershipsInUnitsOn } from './members/memberships.years';
export type { MemberDocument, OpenTransfer } from './members/members.documents';
export type { TransferDocument, TransferStatus } from './members/transfers.documents';
export type { EventIndexDocument } from './eventLog/eventIndex.documents';
export type { AwardDocument } from './awards/awards.documents';
export { awardsProjection } from './awards/awards.projection';
export type { GroupScoreDocument } from './assessments/groupScores.documents';
export type { DuesBaseDocument, DuesPaymentDocument } from './dues/dues.documents';
export { DUES_HORIZON_ID, type DuesHorizonDocument, type DuesSpanDocument } from './dues/duesSpans.documents';
export type { DuesCreditDocument } from './dues/duesCredits.documents';
export { countedBranchOn, type Placement } from './dues/duesPlacement';
export { branchYearsOf } from './dues/duesSpans.compute';
export { duesProjection };
export type { AppraisalDocument } from './assessments/appraisals.documents';
export { appraisalsProjection, groupScoresProjection };
export type { AttendanceDocument, MeetingDocument } from './meetings/meetings.documents';
export type { PartyDayYearDocument } from './meetings/meetings.documents';
export { partyDayYearId, partyDaysIn, yearsOf } from './meetings/partyDayYears';
export type { AttendanceFlagStateDocument } from './meetings/attendanceFlagStates.documents';
export { attendanceFlagStatesProjection };
export { meetingsProjection } from './meetings/meetings.projection';
export type { OfficeEndReason, OfficerTermDocument } from './leadership/officerTerms.documents';
export { officerTermsProjection };
export type { PairingDocument } from './pairings/pairings.documents';
export { pairingsProjection } from './pairings/pairings.projection';
export type { MemberCountStep, UnitMemberCountDocument } from './members/unitMemberCounts.documents';
export { countDocumentIds, countFrom, countOn, memberCountSteps } from './members/unitMemberCounts.compute';
export { eventIndexProjection, membersProjection, membershipsProjection, transfersProjection, unitsProjection, unitVersionsProjection };

/**
 * Every read model, in the order a batch is applied: the event index reads the unit versions,
 * memberships and transfers of the same batch, so it comes last.
 */
export const allProjections: Projection[] = [
  unitsProjection,
  unitVersionsProjection,
  membershipsProjection,
  membersProjection,
  transfersProjection,
  pairingsProjection,
  awardsProjection,
  groupScoresProjection,
  duesProjection,
  appraisalsProjection,
  meetingsProjection,
  attendanceFlagStatesProjection,
  officerTermsProjection,
  eventIndexProjection,
];
