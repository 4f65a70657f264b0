import { Field, ID, ObjectType } from 'type-graphql';
import { DuesCategoryEnum } from './dues.enums';
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
