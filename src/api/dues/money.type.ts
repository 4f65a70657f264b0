import { Field, Int, ObjectType } from 'type-graphql';
import { DUES_CURRENCY, formatMinor } from '../../domain/dues/money';

@ObjectType({ description: 'An amount of money: a decimal string with two places, its currency, and the same amount in whole minor units (fen).' })
export class Money {
  @Field({ description: 'Decimal with two places, e.g. "12.50".' })
  amount!: string;

  @Field({ description: 'ISO 4217 code, e.g. "CNY".' })
  currency!: string;

  @Field(() => Int, { description: 'The amount in whole minor units (1250 for "12.50").' })
  minor!: number;
}

export const toMoney = (minor: number, currency: string = DUES_CURRENCY): Money => ({ amount: formatMinor(minor), currency, minor });
