import { Field, ID, InputType } from 'type-graphql';
import { DuesCategoryEnum } from './dues.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class SetDuesBaseInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => DuesCategoryEnum)
  category!: string;

  @Field({
    description: 'Monthly income as a decimal with at most 2 places ("8500.00"); "0" for categories that pay a fixed amount. In force from the effective date.',
  })
  monthlyIncome!: string;
}

@InputType()
export class RecordDuesPaymentInput extends MutationInput {
  @Field(() => ID)
  memberId!: string;

  @Field({ description: 'The month paid for, `YYYY-MM`: any month the member was a party member in, including months ahead (prepayment).' })
  period!: string;

  @Field({ description: 'Decimal with at most 2 places ("12.50"), more than 0. Unless extra, the payments of a month may not exceed what is due for it.' })
  amount!: string;

  @Field({ defaultValue: false, description: 'A voluntary contribution beyond what is due.' })
  extra!: boolean;
}
