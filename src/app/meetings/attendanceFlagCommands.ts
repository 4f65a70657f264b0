import type { AttendanceFlagState } from '../../domain/meetings/attendanceFlag';
import type { AttendanceFlagCommand, ReassessAttendanceFlag } from '../../domain/meetings/attendanceFlag.commands';
import type { AttendanceFlagReadFacts } from './attendanceFlagReadFacts';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';

/** The actor of the attendance flag events the app records by itself. */
export const ATTENDANCE_FLAG_ACTOR = 'system:attendance-flags';

/**
 * Commands on attendance flags, stream `attendanceflag-<memberId>`: reassess a member as of the
 * effective date (default today); records `AttendanceFlagRaised` / `AttendanceFlagCleared` when
 * the flag changed, nothing otherwise. The member's id is the subject.
 */
export class AttendanceFlagCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly attendanceFlags: CommandPath<AttendanceFlagCommand, AttendanceFlagState>,
    private readonly attendanceFlagReadFacts: AttendanceFlagReadFacts,
  ) {}

  reassess(memberId: string, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('reassessAttendanceFlag', { memberId }, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.attendanceFlags.handle(
        memberId,
        // Decided on the read models as they stand when the stream is read (again on a retry).
        async (): Promise<ReassessAttendanceFlag> => ({
          type: 'ReassessAttendanceFlag',
          memberId,
          ...(await this.attendanceFlagReadFacts.standingOn(memberId, effectiveDate)),
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: memberId };
    });
  }
}
