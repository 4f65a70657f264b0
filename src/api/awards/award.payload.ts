import { Field, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Award } from './award.type';

@ObjectType({ description: 'What an award mutation recorded, and the award as it stands on the effective date.' })
export class AwardPayload extends WriteResult {
  @Field(() => Award, { nullable: true })
  award!: Award | null;

  @Field(() => Int, { description: "The award's version after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}
