import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Member } from '../members/member.type';
import { Transfer } from '../members/transfer.type';
import { Unit } from '../units/unit.type';

@ObjectType()
abstract class WriteResult {
  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The aggregate's version after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}

@ObjectType({ description: 'What a unit mutation recorded, and the unit as it stands on the effective date.' })
export class UnitPayload extends WriteResult {
  @Field(() => Unit, { nullable: true })
  unit!: Unit | null;
}

@ObjectType({ description: 'What a member mutation recorded, and the member as they stand on the effective date.' })
export class MemberPayload extends WriteResult {
  @Field(() => Member, { nullable: true })
  member!: Member | null;
}

@ObjectType({ description: 'What a transfer mutation recorded, with the transfer and its member.' })
export class TransferPayload extends WriteResult {
  @Field(() => Transfer, { nullable: true })
  transfer!: Transfer | null;

  @Field(() => Member, { nullable: true })
  member!: Member | null;
}
