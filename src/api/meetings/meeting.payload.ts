import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Meeting } from './meeting.type';

@ObjectType({ description: 'What recordMeeting recorded, and the meeting.' })
export class MeetingPayload {
  @Field(() => Meeting, { nullable: true })
  meeting!: Meeting | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The meeting's version after the write." })
  version!: number;
}
