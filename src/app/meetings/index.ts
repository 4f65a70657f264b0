import { attendanceFlagAggregate } from '../../domain/meetings/attendanceFlag.aggregate';
import { meetingAggregate } from '../../domain/meetings/meeting.aggregate';
import { appFeature } from '../appFeature';
import type { UnitQueries } from '../units/unitQueries';
import { AttendanceFlagCommands } from './attendanceFlagCommands';
import { AttendanceFlagQueries } from './attendanceFlagQueries';
import { AttendanceFlagReadFacts } from './attendanceFlagReadFacts';
import { AttendanceFlagWatcher } from './attendanceFlagWatcher';
import { MeetingCommands } from './meetingCommands';
import { MeetingComplianceQueries } from './meetingComplianceQueries';
import { MeetingQueries } from './meetingQueries';
import { MeetingReadFacts } from './meetingReadFacts';

/** Meetings with their attendance, the compliance of units with meeting requirements, and attendance flags. */
export const meetingsFeature = appFeature({
  queries: ({ readStore }, { unitQueries }: { unitQueries: UnitQueries }) => ({
    meetingQueries: new MeetingQueries(readStore),
    attendanceFlagQueries: new AttendanceFlagQueries(readStore, unitQueries),
    meetingComplianceQueries: new MeetingComplianceQueries(readStore, unitQueries),
  }),
  commands: ({ runner, commandPaths, unitStreamFacts, readStore, readModels, projector, clock }, { attendanceFlagQueries }) => {
    const attendanceFlags = new AttendanceFlagCommands(runner, commandPaths.of(attendanceFlagAggregate), new AttendanceFlagReadFacts(readStore, readModels));
    return {
      meetings: new MeetingCommands(runner, commandPaths.of(meetingAggregate), unitStreamFacts, new MeetingReadFacts(readStore, readModels)),
      attendanceFlags,
      attendanceFlagWatcher: new AttendanceFlagWatcher({ readStore, projector, flags: attendanceFlagQueries, commands: attendanceFlags, clock }),
    };
  },
});
