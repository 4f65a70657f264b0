import type { AttendanceFlagEvent } from './meetings/attendanceFlag.events';
import type { AwardEvent } from './awards/award.events';
import type { AppraisalEvent } from './assessments/appraisal.events';
import type { DuesEvent } from './dues/dues.events';
import type { GroupScoreEvent } from './assessments/groupScore.events';
import type { LeadershipEvent } from './leadership/leadership.events';
import type { MeetingEvent } from './meetings/meeting.events';
import type { MemberEvent } from './members/member.events';
import type { PairingEvent } from './pairings/pairing.events';
import type { RetractionEvent } from './corrections/retraction.events';
import type { UnitEvent } from './units/unit.events';

/** Every domain event the organization records, as `{ type, data }`. */
export type OrgEvent =
  | UnitEvent
  | MemberEvent
  | PairingEvent
  | AwardEvent
  | GroupScoreEvent
  | AppraisalEvent
  | LeadershipEvent
  | MeetingEvent
  | DuesEvent
  | AttendanceFlagEvent
  | RetractionEvent;
export type OrgEventType = OrgEvent['type'];

/** Metadata every domain event is recorded with (the event store adds more). */
export interface EventContext {
  /** When the fact took effect (YYYY-MM-DD). */
  effectiveDate: string;
  /** When it was recorded (ISO-8601). */
  recordedAt: string;
}

/** A domain event as projections see it: with its time facts and its place in the log. */
export type PositionedEvent<E extends OrgEvent = OrgEvent> = E & {
  id: string;
  stream: string;
  position: string;
  /** 0-based revision of the event in its stream: the aggregate's version after it. */
  revision: number;
  effectiveDate: string;
  recordedAt: string;
};

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
