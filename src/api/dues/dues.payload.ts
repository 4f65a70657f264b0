import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { DuesBase } from './duesBase.type';
import { DuesPayment } from './dues.type';

@ObjectType({ description: 'What setDuesBase recorded.' })
export class DuesBasePayload extends WriteResult {
  @Field(() => DuesBase)
  duesBase!: DuesBase;

  @Field(() => Int, { description: "The version of the member's dues after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}

@ObjectType({ description: 'What recordDuesPayment recorded, and the period it paid for.' })
export class DuesPaymentPayload extends WriteResult {
  @Field(() => ID, { description: 'Id of the new payment.' })
  paymentId!: string;

  @Field(() => DuesPayment, { nullable: true, description: "The member's dues for the period after the payment." })
  dues!: DuesPayment | null;

  @Field(() => Int, { description: "The version of the member's dues after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}
