import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Event } from '../eventLog/event.type';

@ObjectType({ description: 'What retractEvent recorded, and the retracted event as the log now shows it (with `retractedBy`).' })
export class RetractionPayload {
  @Field(() => Event, { nullable: true })
  retracted!: Event | null;

  @Field(() => [ID], {
    description: "Ids of the events the mutation recorded (the `EventRetracted`); a retry with the same idempotencyKey returns the first call's.",
  })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the retracted event's stream after the write." })
  version!: number;
}
