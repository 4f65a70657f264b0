import type { AttendanceFlagEvent } from './attendanceFlag/attendanceFlag.events';
import type { AwardEvent } from './award/award.events';
import type { AppraisalEvent } from './appraisal/appraisal.events';
import type { DuesEvent } from './dues/dues.events';
import type { GroupScoreEvent } from './groupScore/groupScore.events';
import type { LeadershipEvent } from './leadership/leadership.events';
import type { MeetingEvent } from './meeting/meeting.events';
import type { MemberEvent } from './member/member.events';
import type { PairingEvent } from './pairing/pairing.events';
import type { RetractionEvent } from './retraction/retraction.events';
import type { UnitEvent } from './unit/unit.events';

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
