import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Pairing } from './pairing.type';

@ObjectType({ description: 'What a pairing mutation recorded, and the pairing as it stands on the effective date.' })
export class PairingPayload {
  @Field(() => Pairing, { nullable: true })
  pairing!: Pairing | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The pairing's version after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}
