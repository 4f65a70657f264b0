import type { PositionedEvent } from '../../src/domain/events';
import type { LeadershipEvent } from '../../src/domain/leadership/leadership.events';
import type { SubjectRule, SubjectRules } from '../shared/subjectRule';

/** The officers a leadership event names: those elected, or the one resigning or removed. */
function leadershipMemberIds(event: LeadershipEvent): string[] {
  return event.type === 'ElectionHeld' ? [...new Set(event.data.officers.map((officer) => officer.memberId))] : [event.data.memberId];
}

/** A leadership event is about its unit and the officers it names. */
const aboutTheOffice: SubjectRule<PositionedEvent<LeadershipEvent>> = {
  subjects: (event) => ({ memberIds: leadershipMemberIds(event), unitIds: [event.data.unitId] }),
};

export const leadershipSubjectRules = {
  ElectionHeld: aboutTheOffice,
  OfficerResigned: aboutTheOffice,
  OfficerRemoved: aboutTheOffice,
} satisfies SubjectRules<LeadershipEvent['type']>;
