import { ATTENDANCE_FLAG_EVENT_TYPES, type AttendanceFlagEvent } from '../../src/domain/meetings/attendanceFlag.events';
import { AWARD_EVENT_TYPES, type AwardEvent } from '../../src/domain/awards/award.events';
import { APPRAISAL_EVENT_TYPES, type AppraisalEvent } from '../../src/domain/assessments/appraisal.events';
import { DUES_EVENT_TYPES, type DuesEvent } from '../../src/domain/dues/dues.events';
import { GROUP_SCORE_EVENT_TYPES, type GroupScoreEvent } from '../../src/domain/assessments/groupScore.events';
import type { PositionedEvent } from '../../src/domain/events';
import { LEADERSHIP_EVENT_TYPES, type LeadershipEvent } from '../../src/domain/leadership/leadership.events';
import { MEETING_EVENT_TYPES, type MeetingEvent } from '../../src/domain/meetings/meeting.events';
import { MEMBER_EVENT_TYPES, type MemberEvent } from '../../src/domain/members/member.events';
import { PAIRING_EVENT_TYPES, type PairingEvent } from '../../src/domain/pairings/pairing.events';
import { UNIT_EVENT_TYPES, type UnitEvent } from '../../src/domain/units/unit.events';

const unitTypes: ReadonlySet<string> = new Set(UNIT_EVENT_TYPES);
const memberTypes: ReadonlySet<string> = new Set(MEMBER_EVENT_TYPES);

export function isUnitEvent(event: PositionedEvent): event is PositionedEvent<UnitEvent> {
  return unitTypes.has(event.type);
}

export function isMemberEvent(event: PositionedEvent): event is PositionedEvent<MemberEvent> {
  return memberTypes.has(event.type);
}

const pairingTypes: ReadonlySet<string> = new Set(PAIRING_EVENT_TYPES);

export function isPairingEvent(event: PositionedEvent): event is PositionedEvent<PairingEvent> {
  return pairingTypes.has(event.type);
}

const awardTypes: ReadonlySet<string> = new Set(AWARD_EVENT_TYPES);

export function isAwardEvent(event: PositionedEvent): event is PositionedEvent<AwardEvent> {
  return awardTypes.has(event.type);
}

const duesTypes: ReadonlySet<string> = new Set(DUES_EVENT_TYPES);

export function isDuesEvent(event: PositionedEvent): event is PositionedEvent<DuesEvent> {
  return duesTypes.has(event.type);
}

const groupScoreTypes: ReadonlySet<string> = new Set(GROUP_SCORE_EVENT_TYPES);

export function isGroupScoreEvent(event: PositionedEvent): event is PositionedEvent<GroupScoreEvent> {
  return groupScoreTypes.has(event.type);
}

const appraisalTypes: ReadonlySet<string> = new Set(APPRAISAL_EVENT_TYPES);

export function isAppraisalEvent(event: PositionedEvent): event is PositionedEvent<AppraisalEvent> {
  return appraisalTypes.has(event.type);
}

const meetingTypes: ReadonlySet<string> = new Set(MEETING_EVENT_TYPES);

export function isMeetingEvent(event: PositionedEvent): event is PositionedEvent<MeetingEvent> {
  return meetingTypes.has(event.type);
}

const leadershipTypes: ReadonlySet<string> = new Set(LEADERSHIP_EVENT_TYPES);

export function isLeadershipEvent(event: PositionedEvent): event is PositionedEvent<LeadershipEvent> {
  return leadershipTypes.has(event.type);
}

const attendanceFlagTypes: ReadonlySet<string> = new Set(ATTENDANCE_FLAG_EVENT_TYPES);

export function isAttendanceFlagEvent(event: PositionedEvent): event is PositionedEvent<AttendanceFlagEvent> {
  return attendanceFlagTypes.has(event.type);
}
