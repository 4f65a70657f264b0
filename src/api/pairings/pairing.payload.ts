import { Field, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Pairing } from './pairing.type';

@ObjectType({ description: 'What a pairing mutation recorded, and the pairing as it stands on the effective date.' })
export class PairingPayload extends WriteResult {
  @Field(() => Pairing, { nullable: true })
  pairing!: Pairing | null;

  @Field(() => Int, { description: "The pairing's version after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}
