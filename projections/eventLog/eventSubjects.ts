import type { OrgEventType, PositionedEvent } from '../../src/domain/events';
import { assessmentSubjectRules } from '../assessments';
import { awardSubjectRules } from '../awards';
import { duesSubjectRules } from '../dues';
import { leadershipSubjectRules } from '../leadership';
import { meetingSubjectRules } from '../meetings';
import { memberSubjectRules } from '../members';
import { pairingSubjectRules } from '../pairings';
import type { EventOfType } from '../shared/handledEvents';
import type { EventSubjects, SubjectFacts, SubjectRules } from '../shared/subjectRule';
import { unitSubjectRules } from '../units';

/**
 * Every feature's subject rules, and the event index's own for a retraction (it is about what
 * the event it withdraws was about). A new event type without a rule does not compile.
 */
const SUBJECT_RULES: SubjectRules<OrgEventType> = {
  ...unitSubjectRules,
  ...memberSubjectRules,
  ...pairingSubjectRules,
  ...awardSubjectRules,
  ...assessmentSubjectRules,
  ...duesSubjectRules,
  ...meetingSubjectRules,
  ...leadershipSubjectRules,
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
