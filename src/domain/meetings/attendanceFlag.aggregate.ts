import { defineAggregate } from '../aggregate';
import { attendanceFlagDecider } from './attendanceFlag.decide';
import { attendanceFlagStream, type AttendanceFlagEvent } from './attendanceFlag.events';

export const attendanceFlagAggregate = defineAggregate({
  category: 'attendanceflag',
  eventTypes: { AttendanceFlagRaised: true, AttendanceFlagCleared: true },
  streamId: attendanceFlagStream,
  idOf: (event: AttendanceFlagEvent) => event.data.memberId,
  decider: attendanceFlagDecider,
});
