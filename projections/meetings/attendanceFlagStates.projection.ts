import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { AttendanceFlagEvent } from '../../src/domain/meetings/attendanceFlag.events';
import type { AttendanceFlagStateDocument } from './attendanceFlagStates.documents';
import { ATTENDANCE_FLAG_STATES } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { attendanceFlagAggregate } from '../../src/domain/meetings/attendanceFlag.aggregate';
import type { Projection } from '../shared/projection';

const isAttendanceFlagEvent = eventsOf(attendanceFlagAggregate);

/** `attendanceFlagStates`: whether each member's attendance flag is raised, as recorded. */
export const attendanceFlagStatesProjection: Projection = {
  name: 'attendanceFlagStates',
  collections: [ATTENDANCE_FLAG_STATES],

  async setup(store) {
    await store.collection<AttendanceFlagStateDocument>(ATTENDANCE_FLAG_STATES).createIndex({ keys: { raised: 1 } });
  },

  async apply(events, store) {
    const flagEvents = events.filter(isAttendanceFlagEvent);
    if (flagEvents.length === 0) return;
    const states = new DocumentCache(store.collection<AttendanceFlagStateDocument>(ATTENDANCE_FLAG_STATES));
    await states.load(flagEvents.map((event) => event.data.memberId));
    for (const event of flagEvents) {
      const current = states.get(event.data.memberId);
      if (!alreadyApplied(current, event)) states.put(stateAfter(current, event));
    }
    await states.flush();
  },
};

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
