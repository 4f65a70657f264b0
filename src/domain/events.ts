import type { OrgEvent } from './aggregates';

export type { OrgEvent, OrgEventType } from './aggregates';

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
  /** Who recorded it: a token's name (absent in logs written before tokens). */
  actor?: string;
  /** The token's subject: an API key's id, a JWT's `sub`. */
  actorSubject?: string;
};
