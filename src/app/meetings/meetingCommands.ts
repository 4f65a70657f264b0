import { randomUUID } from 'node:crypto';
import type { RecordMeeting } from '../../domain/meetings/meeting.commands';
import { meetingDecider } from '../../domain/meetings/meeting.decide';
import { meetingStream } from '../../domain/meetings/meeting.events';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { RememberedResult } from '../commands/idempotency';
import type { MeetingReadFacts } from './meetingReadFacts';
import { effectiveOn, type MutationOptions, type MutationRunner } from '../commands/mutationRunner';
import type { UnitFacts } from '../units/unitFacts';

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
    private readonly units: UnitFacts,
    private readonly listed: MeetingReadFacts,
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
    return this.runner.run('recordMeeting', input, dated, async ({ handler, effectiveDate, today, command }) => {
      const result = await handler.handle(
        meetingStream(meetingId),
        meetingDecider,
        async (): Promise<RecordMeeting> => ({
          type: 'RecordMeeting',
          meetingId,
          unitId: input.unitId,
          unit: await this.units.onDate(input.unitId, effectiveDate),
          kind: input.kind,
          topic: input.topic ?? null,
          attendees: input.attendees,
          excused,
          absent,
          // Membership spans aggregates: decided on the read models once they include every event recorded so far.
          listed: await this.listed.listedOn([...input.attendees, ...excused, ...absent], effectiveDate),
          effectiveDate,
          today,
        }),
        { ...command, createsStream: true },
      );
      return { ...result, subjectId: meetingId };
    });
  }
}
