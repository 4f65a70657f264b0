import { Field, ID, ObjectType } from 'type-graphql';
import type { MemberDuesPeriod } from '../../app/dues/duesQueries';
import type { DuesPaymentDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { Money, toMoney } from './money.type';

@ObjectType({ description: 'One recorded dues payment (党费).' })
export class DuesPaymentRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => Money)
  amount!: Money;

  @Field({ description: 'A voluntary contribution beyond what is due; it does not reduce what is outstanding.' })
  extra!: boolean;

  @Field(() => DateScalar, { description: 'Effective date of the payment.' })
  paidOn!: string;

  @Field(() => ID, { description: "The branch credited: the member's branch on the period's first day (or on joining, if later)." })
  creditedBranchId!: string;
}

@ObjectType({ description: "A member's dues for one month (`YYYY-MM`): what was due and what was paid, as recorded by the asOf date." })
export class DuesPayment {
  /** The records it was read from (passed down from the root). */
  view!: ReadView;

  @Field({ description: '`YYYY-MM`.' })
  period!: string;

  @Field(() => Money, { description: 'Due under the dues policy in force on the first day of the month, on the base in force at its end.' })
  due!: Money;

  @Field(() => Money, { description: 'Everything paid for the month, extra contributions included.' })
  paid!: Money;

  @Field(() => Money, { description: 'The part of `paid` that was an extra contribution.' })
  extra!: Money;

  @Field(() => Money, { description: 'Due minus paid (extra contributions not counted), never below zero.' })
  outstanding!: Money;

  @Field(() => [DuesPaymentRecord], { description: 'The payments for the month, oldest first.' })
  payments!: DuesPaymentRecord[];
}

export function toDuesPaymentRecord(payment: DuesPaymentDocument): DuesPaymentRecord {
  return {
    id: payment._id,
    amount: toMoney(payment.amountMinor, payment.currency),
    extra: payment.extra,
    paidOn: payment.paidOn,
    creditedBranchId: payment.creditedBranchId,
  };
}

export function toDuesPayment(row: MemberDuesPeriod, view: ReadView): DuesPayment {
  return {
    view,
    period: row.period,
    due: toMoney(row.dueMinor),
    paid: toMoney(row.paidMinor),
    extra: toMoney(row.extraMinor),
    outstanding: toMoney(row.outstandingMinor),
    payments: row.payments.map(toDuesPaymentRecord),
  };
}
