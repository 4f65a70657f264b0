import { eventTypesOf } from '../aggregate';

/**
 * `EventRetracted` is appended to the stream of the event it retracts, so the aggregate that
 * recorded a fact also sees that it was withdrawn. The log keeps both; read models and deciders
 * fold the stream as if the retracted event had never been recorded.
 */
export type EventRetracted = {
  type: 'EventRetracted';
  data: {
    /** Id of the retracted event (same stream). */
    eventId: string;
    /** Its type, so readers of the log need not look it up. */
    eventType: string;
    reason: string;
  };
};

export type RetractionEvent = EventRetracted;

/** Recorded in the stream of any aggregate: every aggregate's events may be withdrawn. */
export const RETRACTION_EVENT_TYPES = eventTypesOf<RetractionEvent>({ EventRetracted: true });
