import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { AttendanceFlagEvent } from './attendanceFlag.events';

/** The state of stream `attendanceflag-<memberId>`: whether the member's flag is raised, as last recorded. */
export type AttendanceFlagState = { raised: false; asOf: LocalDate | null } | { raised: true; asOf: LocalDate; raisedOn: LocalDate; branchId: string };

export const initialAttendanceFlagState = (): AttendanceFlagState => ({ raised: false, asOf: null });

export function evolve(_state: AttendanceFlagState, event: Dated<AttendanceFlagEvent>): AttendanceFlagState {
  switch (event.type) {
    case 'AttendanceFlagRaised':
      return { raised: true, asOf: event.effectiveDate, raisedOn: event.effectiveDate, branchId: event.data.branchId };
    case 'AttendanceFlagCleared':
      return { raised: false, asOf: event.effectiveDate };
    default:
      return assertNever(event);
  }
}
