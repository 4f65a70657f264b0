import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DuesCategoryEnum } from './dues.enums';
import { DuesPayment } from './dues.type';
import { Money } from './money.type';

@ObjectType({ description: "A member's dues base as set: category and monthly income, and what it makes due each month under the policy in force." })
export class DuesBase {
  @Field(() => ID)
  memberId!: string;

  @Field(() => DuesCategoryEnum)
  category!: string;

  @Field(() => Money)
  monthlyIncome!: Money;

  @Field(() => Money, { description: "Monthly dues on this base, under the policy in force in the effective date's month." })
  monthlyDue!: Money;
}

@ObjectType({ description: 'What setDuesBase recorded.' })
export class DuesBasePayload {
  @Field(() => DuesBase)
  duesBase!: DuesBase;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the member's dues after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}

@ObjectType({ description: 'What recordDuesPayment recorded, and the period it paid for.' })
export class DuesPaymentPayload {
  @Field(() => ID, { description: 'Id of the new payment.' })
  paymentId!: string;

  @Field(() => DuesPayment, { nullable: true, description: "The member's dues for the period after the payment." })
  dues!: DuesPayment | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the member's dues after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}
