import { defineAggregate } from '../aggregate';
import { attendanceFlagDecider } from './attendanceFlag.decide';
import { attendanceFlagEventTypes, attendanceFlagStream, type AttendanceFlagEvent } from './attendanceFlag.events';

export const attendanceFlagAggregate = defineAggregate({
  category: 'attendanceflag',
  eventTypes: attendanceFlagEventTypes,
  streamId: attendanceFlagStream,
  idOf: (event: AttendanceFlagEvent) => event.data.memberId,
  decider: attendanceFlagDecider,
});
