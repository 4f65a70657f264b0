import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FlagReason } from '../../domain/meetings/attendanceFlags';
import type { FlaggedMember } from '../../app/meetings/attendanceFlagQueries';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { FlagReasonEnum } from './meeting.enums';

@ObjectType({ description: 'A member to be dealt with for missing theme party days (主题党日) without excuse in the twelve months up to asOf.' })
export class AttendanceFlag {
  asOf!: string;
  view!: ReadView;

  @Field(() => ID)
  memberId!: string;

  @Field(() => FlagReasonEnum)
  reason!: FlagReason;

  @Field(() => Int, { description: 'Unexcused absences from theme party days in the twelve months.' })
  absences!: number;

  @Field(() => Int, {
    description: 'The longest run of unexcused absences in a row (present or excused breaks a run; days the member was not listed at are skipped).',
  })
  longestRun!: number;

  @Field(() => Int, { description: 'Theme party days the member was listed at in the twelve months.' })
  partyDays!: number;

  @Field(() => [DateScalar], { description: 'The days of the unexcused absences, oldest first.' })
  absentOn!: string[];

  @Field(() => DateScalar)
  lastAbsentOn!: string;
}

export function toAttendanceFlag(flag: FlaggedMember, asOf: string, view: ReadView): AttendanceFlag {
  const { memberId, reason, absences, longestRun, partyDays, absentOn, lastAbsentOn } = flag;
  return { asOf, view, memberId, reason, absences, longestRun, partyDays, absentOn, lastAbsentOn };
}
