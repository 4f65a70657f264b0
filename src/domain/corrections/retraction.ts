import type { Dated } from '../decider';

/** One event of the stream, as the retraction decider remembers it. */
export interface StreamFact {
  eventId: string;
  type: string;
  data: Readonly<Record<string, unknown>>;
  effectiveDate: string;
  /** Id of the `EventRetracted` that withdrew it, or null while it stands. */
  retractedBy: string | null;
}

/** Every event of the target's stream, retracted ones included, in stream order. */
export interface RetractionState {
  facts: StreamFact[];
}

export const initialRetractionState = (): RetractionState => ({ facts: [] });

/** Any event of the stream, with its recorded id (the retraction decider needs ids to match). */
export type StreamEvent = { type: string; data: object; eventId?: string };

export function evolveRetraction(state: RetractionState, event: Dated<StreamEvent>): RetractionState {
  if (event.eventId === undefined) return state;
  const data = event.data as Readonly<Record<string, unknown>>;
  const fact: StreamFact = { eventId: event.eventId, type: event.type, data, effectiveDate: event.effectiveDate, retractedBy: null };
  if (event.type !== 'EventRetracted') return { facts: [...state.facts, fact] };
  const target = data.eventId;
  const eventId = event.eventId;
  return { facts: [...state.facts.map((old) => (old.eventId === target ? { ...old, retractedBy: eventId } : old)), fact] };
}
