import type { OrgEventType, PositionedEvent } from '../../src/domain/events';
import type { EventOfType } from './handledEvents';

/** Who and what an event is about, before the units' ancestors are added. */
export type EventSubjects = { memberIds: string[]; unitIds: string[] };

/** Where the member belonged on `date` (their last membership that started by then). */
export type PlaceOn = (memberId: string, date: string) => { branchId: string; groupId: string | null } | undefined;

/** What the other read models know that an event's own data does not say. */
export interface SubjectFacts {
  readonly placeOn: PlaceOn;
  transfer(transferId: string): { fromBranchId: string; toBranchId: string } | undefined;
  /** The subjects of an event already indexed (a retraction is about what its target was about). */
  subjectsOfEvent(eventId: string): EventSubjects | undefined;
}

/** How the event index finds who and what an event `E` is about. */
export interface SubjectRule<E extends PositionedEvent> {
  readonly subjects: (event: E, facts: SubjectFacts) => EventSubjects;
  /** The members whose place on the effective date `subjects` asks `facts.placeOn` for; default none. */
  readonly placesOf?: (event: E) => readonly string[];
}

/** A feature's subject rules: one per event type, so a type left out does not compile. */
export type SubjectRules<T extends OrgEventType> = { readonly [K in T]: SubjectRule<EventOfType<K>> };
