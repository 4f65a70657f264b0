import { randomUUID } from 'node:crypto';
import type { MeetingState } from '../../domain/meetings/meeting';
import type { MeetingCommand, RecordMeeting } from '../../domain/meetings/meeting.commands';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MeetingReadFacts } from './meetingReadFacts';
import { effectiveOn, type MutationOptions, type MutationRunner } from '../commands/mutationRunner';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

export interface RecordMeetingInput {
  unitId: string;
  kind: MeetingKind;
  /** The day the meeting was held; it is the effective date of the command (default: the effective date, or today). */
  heldOn?: string | null;
  topic?: string | null;
  attendees: readonly string[];
  excused?: readonly string[] | null;
  absent?: readonly string[] | null;
}

/** Commands on meetings: record one with its attendance. Returns the meeting's id as subject. */
export class MeetingCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly meetings: CommandPath<MeetingCommand, MeetingState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly meetingReadFacts: MeetingReadFacts,
  ) {}

  record(input: RecordMeetingInput, options: MutationOptions): Promise<RememberedResult> {
    const dated = effectiveOn(input.heldOn, options, {
      code: 'MEETING.HELD_ON_NOT_EFFECTIVE_DATE',
      field: 'input.heldOn',
      what: 'a meeting takes effect on the day it is held',
    });
    const meetingId = randomUUID();
    const excused = input.excused ?? [];
    const absent = input.absent ?? [];
    return this.runner.run('recordMeeting', input, dated, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.meetings.handle(
        meetingId,
        async (): Promise<RecordMeeting> => ({
          type: 'RecordMeeting',
          meetingId,
          unitId: input.unitId,
          unit: await this.unitStreamFacts.onDate(input.unitId, effectiveDate),
          kind: input.kind,
          topic: input.topic ?? null,
          attendees: input.attendees,
          excused,
          absent,
          // Membership spans aggregates: decided on the read models once they include every event recorded so far.
          listed: await this.meetingReadFacts.listedOn([...input.attendees, ...excused, ...absent], effectiveDate),
          effectiveDate,
          today,
        }),
        { ...commandOptions, createsStream: true },
      );
      return { ...result, subjectId: meetingId };
    });
  }
}
