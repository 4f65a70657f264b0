import { Field, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Meeting } from './meeting.type';

@ObjectType({ description: 'What recordMeeting recorded, and the meeting.' })
export class MeetingPayload extends WriteResult {
  @Field(() => Meeting, { nullable: true })
  meeting!: Meeting | null;

  @Field(() => Int, { description: "The meeting's version after the write." })
  override version!: number;
}
