import type { MeetingKind } from '../../../domain/meetings/meetingKind';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MeetingKey, MemberKey, UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedMeetingCommand = {
  kind: 'recordMeeting';
  on: LocalDate;
  meeting: MeetingKey;
  unit: UnitKey;
  meetingKind: MeetingKind;
  topic: string;
  attendees: MemberKey[];
  excused: MemberKey[];
  absent: MemberKey[];
  /** The members listed: their earlier commands decide whether they belong to the unit that day. */
  reads: MemberKey[];
};

export const meetingSeedCommands: SeedCommands<PlannedMeetingCommand> = {
  recordMeeting: {
    aggregateKey: (command) => command.meeting,
    unitsRead: (command) => [command.unit],
    aggregatesRead: (command) => command.reads,
    async run(app, command, ids, { mutation }) {
      const { unit, meetingKind, topic, attendees, excused, absent } = command;
      const result = await app.meetings.record(
        {
          unitId: ids.of(unit),
          kind: meetingKind,
          topic,
          attendees: attendees.map((m) => ids.of(m)),
          excused: excused.map((m) => ids.of(m)),
          absent: absent.map((m) => ids.of(m)),
        },
        mutation,
      );
      ids.set(command.meeting, result.subjectId);
      return result;
    },
  },
};
