import type { OrgEventType } from '../../src/domain/events';

export const EVENT_INDEX = 'eventIndex';

/** Collection `eventIndex`: the log, searchable by the members and units each event concerns. */
export type EventIndexDocument = {
  /** The event's position in the log: documents sort in log order by `_id`. */
  _id: string;
  eventId: string;
  type: OrgEventType;
  stream: string;
  /** The stream name before its first `-`: `unit`, `member`, … */
  category: string;
  effectiveDate: string;
  recordedAt: string;
  data: Record<string, unknown>;
  /** Who recorded it (metadata.actor) and whom that token stands for; absent for older logs. */
  actor?: string;
  actorSubject?: string;
  memberIds: string[];
  /**
   * The units the event is about and all their ancestors on the effective date, so that the
   * events in the subtree of X are `{ unitIds: X }`.
   */
  unitIds: string[];
  /** The units the event is about, before ancestors are added (kept to recompute `unitIds`). */
  subjectUnitIds: string[];
  /** Id of the `EventRetracted` that withdrew this event; absent while it stands. */
  retractedBy?: string;
};
