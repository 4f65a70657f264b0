import type { OrgEventType, PositionedEvent } from '../../src/domain/events';
import { readModelFeatures } from '../features';
import type { EventOfType } from '../shared/handledEvents';
import type { EventSubjects, SubjectFacts, SubjectRules } from '../shared/subjectRule';

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;
/** Every feature's rules together: a new event type without a rule in its feature does not compile below. */
type FeatureRules = UnionToIntersection<(typeof readModelFeatures)[number]['subjectRules']>;

/** The features' subject rules, and the event index's own for a retraction (about what the event it withdraws was about). */
const SUBJECT_RULES: SubjectRules<OrgEventType> = {
  // Each feature's rules are for its own event types, so merged they hold one rule per type.
  ...(readModelFeatures.reduce<Partial<SubjectRules<OrgEventType>>>((rules, feature) => ({ ...rules, ...feature.subjectRules }), {}) as FeatureRules),
  EventRetracted: { subjects: (event, facts) => facts.subjectsOfEvent(event.data.eventId) ?? { memberIds: [], unitIds: [] } },
};

/** Who and what an event is about, by the rule of its type. */
export function subjectsOf(event: PositionedEvent, facts: SubjectFacts): EventSubjects {
  return subjectsByRule(event.type, event, facts);
}

/** The members whose place (branch, group) on the effective date an event's subjects need. */
export function memberIdsNamedBy(event: PositionedEvent): readonly string[] {
  return placesByRule(event.type, event);
}

function subjectsByRule<T extends OrgEventType>(type: T, event: EventOfType<T>, facts: SubjectFacts): EventSubjects {
  return SUBJECT_RULES[type].subjects(event, facts);
}

function placesByRule<T extends OrgEventType>(type: T, event: EventOfType<T>): readonly string[] {
  return SUBJECT_RULES[type].placesOf?.(event) ?? [];
}
