import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Award } from './award.type';

@ObjectType({ description: 'What an award mutation recorded, and the award as it stands on the effective date.' })
export class AwardPayload {
  @Field(() => Award, { nullable: true })
  award!: Award | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The award's version after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}
