import { Field, ID, InputType } from 'type-graphql';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import { DateScalar } from '../shared/dateScalar';
import { MeetingKindEnum } from './meeting.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class RecordMeetingInput extends MutationInput {
  @Field(() => ID, {
    description: 'The unit that held it, active that day: a GROUP for a group meeting, a COMMITTEE or DISTRICT for a democratic life meeting, else a BRANCH.',
  })
  unitId!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was held; it is the effective date (give this or effectiveDate; default today).' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What it was about (up to 2,000 characters).' })
  topic?: string | null;

  @Field(() => [ID], {
    description:
      'Members present (at least one). Everyone listed must belong to the unit that day (for a committee: to a branch below it); nobody listed twice.',
  })
  attendees!: string[];

  @Field(() => [ID], { nullable: true, description: 'Members absent with an excuse.' })
  excused?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Members absent without an excuse (these count towards attendance flags at theme party days).' })
  absent?: string[] | null;
}
