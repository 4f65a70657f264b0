import { attendanceFlagStatesProjection } from './attendanceFlagStates.projection';
import { awardsProjection } from './awards.projection';
import { appraisalsProjection } from './appraisals.projection';
import { groupScoresProjection } from './groupScores.projection';
import { duesProjection } from './dues.projection';
import { eventIndexProjection } from './eventIndex.projection';
import { meetingsProjection } from './meetings.projection';
import { membersProjection } from './members.projection';
import { membershipsProjection } from './memberships.projection';
import { officerTermsProjection } from './officerTerms.projection';
import { pairingsProjection } from './pairings.projection';
import type { Projection } from './projection';
import { transfersProjection } from './transfers.projection';
import { unitsProjection } from './units.projection';
import { unitVersionsProjection } from './unitVersions.projection';

export * from './collections';
export type { Projection } from './projection';
export { activeOn, isActiveOn, lastStartedOn, type Interval } from './temporal';
export type { UnitDocument, UnitStatus } from './units.documents';
export type { UnitTimelineChange, UnitTimelineDocument, UnitVersionDocument } from './unitVersions.documents';
export type { MemberTimelineChange, MemberTimelineDocument, MembershipDocument } from './memberships.documents';
export { membershipsInUnitsOn } from './memberships.years';
export type { MemberDocument, OpenTransfer } from './members.documents';
export type { TransferDocument, TransferStatus } from './transfers.documents';
export type { EventIndexDocument } from './eventIndex.documents';
export type { AwardDocument } from './awards.documents';
export { awardsProjection } from './awards.projection';
export type { GroupScoreDocument } from './groupScores.documents';
export type { DuesBaseDocument, DuesPaymentDocument } from './dues.documents';
export { DUES_HORIZON_ID, type DuesHorizonDocument, type DuesSpanDocument } from './duesSpans.documents';
export type { DuesCreditDocument } from './duesCredits.documents';
export { countedBranchOn, type Placement } from './duesPlacement';
export { branchYearsOf } from './duesSpans.compute';
export { duesProjection };
export type { AppraisalDocument } from './appraisals.documents';
export { appraisalsProjection, groupScoresProjection };
export type { AttendanceDocument, MeetingDocument } from './meetings.documents';
export type { PartyDayYearDocument } from './meetings.documents';
export { partyDayYearId, partyDaysIn, yearsOf } from './partyDayYears';
export type { AttendanceFlagStateDocument } from './attendanceFlagStates.documents';
export { attendanceFlagStatesProjection };
export { meetingsProjection } from './meetings.projection';
export type { OfficeEndReason, OfficerTermDocument } from './officerTerms.documents';
export { officerTermsProjection };
export type { PairingDocument } from './pairings.documents';
export { pairingsProjection } from './pairings.projection';
export type { MemberCountStep, UnitMemberCountDocument } from './unitMemberCounts.documents';
export { countDocumentIds, countFrom, countOn, memberCountSteps } from './unitMemberCounts.compute';
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
