import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Event } from '../eventLog/event.type';

@ObjectType({ description: 'What retractEvent recorded, and the retracted event as the log now shows it (with `retractedBy`).' })
export class RetractionPayload extends WriteResult {
  @Field(() => Event, { nullable: true })
  retracted!: Event | null;

  @Field(() => [ID], {
    description: "Ids of the events the mutation recorded (the `EventRetracted`); a retry with the same idempotencyKey returns the first call's.",
  })
  override eventIds!: string[];

  @Field(() => Int, { description: "The version of the retracted event's stream after the write." })
  override version!: number;
}
