import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { AttendanceFlagEvent } from '../../src/domain/meetings/attendanceFlag.events';
import { type AttendanceFlagStateDocument, ATTENDANCE_FLAG_STATES } from './attendanceFlagStates.documents';
import { attendanceFlagAggregate } from '../../src/domain/meetings/attendanceFlag.aggregate';
import { defineProjection } from '../shared/defineProjection';
import { whereIn } from '../shared/correctionScope';

/** `attendanceFlagStates`: whether each member's attendance flag is raised, as recorded. */
export const attendanceFlagStatesProjection = defineProjection({
  name: 'attendanceFlagStates',
  handles: attendanceFlagAggregate.eventTypes,
  collection: ATTENDANCE_FLAG_STATES,
  indexes: [{ raised: 1 }],
  documentIds: (event) => [event.data.memberId],
  forgets: (scope) => whereIn('_id', scope.idsIn('attendanceflag')),
  evolve: stateAfter,
});

export function stateAfter(current: AttendanceFlagStateDocument | undefined, event: PositionedEvent<AttendanceFlagEvent>): AttendanceFlagStateDocument {
  const { memberId, branchId } = event.data;
  const base = { _id: memberId, branchId, asOf: event.effectiveDate, position: event.position };
  switch (event.type) {
    case 'AttendanceFlagRaised':
      return { ...base, raised: true, reason: event.data.reason, raisedOn: event.effectiveDate };
    case 'AttendanceFlagCleared':
      return { ...base, raised: false, reason: null, raisedOn: current?.raisedOn ?? event.data.raisedOn };
    default:
      return assertNever(event);
  }
}
