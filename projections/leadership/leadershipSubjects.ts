import type { LeadershipEvent } from '../../src/domain/leadership/leadership.events';

/** A leadership event is about its unit and the officers it names (elected, resigning or removed). */
export function leadershipSubjects(event: LeadershipEvent): { memberIds: string[]; unitIds: string[] } {
  return { memberIds: leadershipMemberIds(event), unitIds: [event.data.unitId] };
}

export function leadershipMemberIds(event: LeadershipEvent): string[] {
  return event.type === 'ElectionHeld' ? [...new Set(event.data.officers.map((officer) => officer.memberId))] : [event.data.memberId];
}
