import type { Aggregate, EventOf } from './aggregate';
import { apiKeyAggregate } from './access/apiKey.aggregate';
import { appraisalAggregate } from './assessments/appraisal.aggregate';
import { groupScoreAggregate } from './assessments/groupScore.aggregate';
import { awardAggregate } from './awards/award.aggregate';
import { RETRACTION_EVENT_TYPES, type RetractionEvent } from './corrections/retraction.events';
import { duesAggregate } from './dues/dues.aggregate';
import { leadershipAggregate } from './leadership/leadership.aggregate';
import { attendanceFlagAggregate } from './meetings/attendanceFlag.aggregate';
import { meetingAggregate } from './meetings/meeting.aggregate';
import { memberAggregate } from './members/member.aggregate';
import { pairingAggregate } from './pairings/pairing.aggregate';
import { unitAggregate } from './units/unit.aggregate';

/**
 * Every aggregate the organization records: the one list from which the event union, the
 * categories the projector reads, the event-type guards, the event schemas test and the test
 * logs are derived. A new aggregate is one entry here.
 */
export const aggregates = [
  unitAggregate,
  memberAggregate,
  pairingAggregate,
  awardAggregate,
  groupScoreAggregate,
  appraisalAggregate,
  leadershipAggregate,
  meetingAggregate,
  duesAggregate,
  attendanceFlagAggregate,
  apiKeyAggregate,
] as const;

export type AnyAggregate = (typeof aggregates)[number];

/** Every domain event the organization records, as `{ type, data }`: the aggregates' events and retractions. */
export type OrgEvent = EventOf<AnyAggregate> | RetractionEvent;
export type OrgEventType = OrgEvent['type'];

/** Every event type, once: each aggregate's, then the retraction (recorded in any aggregate's stream). */
export const EVENT_TYPES: readonly OrgEventType[] = [
  ...aggregates.flatMap((aggregate): readonly OrgEventType[] => aggregate.eventTypes),
  ...RETRACTION_EVENT_TYPES,
];

/** Stream categories that hold domain events (others, like `idempotency`, are bookkeeping). */
export const DOMAIN_CATEGORIES: readonly string[] = aggregates.map((aggregate) => aggregate.category);

const byType = new Map<string, AnyAggregate>(aggregates.flatMap((aggregate) => aggregate.eventTypes.map((type) => [type, aggregate] as const)));

/** The aggregate that records events of this type; undefined for a retraction (any aggregate) or an unknown type. */
export function aggregateOfType(type: string): AnyAggregate | undefined {
  return byType.get(type);
}

/** The stream an event is recorded in; undefined for a retraction, which goes to the stream of the event it withdraws. */
export function streamOfEvent(event: OrgEvent): string | undefined {
  // The aggregate found by the event's type is the one that records that event.
  const aggregate = byType.get(event.type) as Aggregate<unknown, OrgEvent, unknown> | undefined;
  return aggregate?.streamOf(event);
}
