import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { lastDayOf, parsePeriod, periodOf } from '../../domain/dues/period';
import type { DuesCategory } from '../../domain/dues/duesCategory';
import { parseMoney } from '../../domain/dues/money';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { RecordDuesPaymentInput, SetDuesBaseInput } from './dues.inputs';
import { DuesBasePayload, DuesPaymentPayload } from './dues.payload';
import { toDuesPayment } from './dues.type';
import { toMoney } from './money.type';
import { mutationOptions } from '../shared/mutationOptions';

@Resolver()
export class DuesMutationResolver {
  @Mutation(() => DuesBasePayload, { description: "Sets a member's dues base (category and monthly income) from the effective date on." })
  async setDuesBase(@Arg('input', () => SetDuesBaseInput) input: SetDuesBaseInput, @Ctx() context: ApiContext): Promise<DuesBasePayload> {
    const { memberId, category, monthlyIncome } = input;
    const result = await context.app.dues.setBase({ memberId, category, monthlyIncome }, mutationOptions(input, context));
    // The command accepted the input, so the income parses.
    const monthlyIncomeMinor = parseMoney(monthlyIncome, 'input.monthlyIncome', { allowZero: true });
    const period = periodOf(input.effectiveDate ?? context.today);
    const monthlyDue = context.live.duesQueries.monthlyDueOn({ category: category as DuesCategory, monthlyIncomeMinor }, period);
    return {
      ...writeResultOf(result),
      duesBase: { memberId, category, monthlyIncome: toMoney(monthlyIncomeMinor), monthlyDue: toMoney(monthlyDue) },
    };
  }

  @Mutation(() => DuesPaymentPayload, {
    description:
      "Records a member's dues payment for a month (党费收缴). Partial payments and prepayments are allowed; paying beyond what is due needs `extra`; months before joining or after leaving are refused. Credited to the member's branch on the month's first day.",
  })
  async recordDuesPayment(@Arg('input', () => RecordDuesPaymentInput) input: RecordDuesPaymentInput, @Ctx() context: ApiContext): Promise<DuesPaymentPayload> {
    const { memberId, period, amount, extra } = input;
    const result = await context.app.dues.recordPayment({ memberId, period, amount, extra: extra ?? false }, mutationOptions(input, context));
    const date = input.effectiveDate ?? context.today;
    // Accepted, so the period parses; a prepaid month is read as of its last day.
    const month = parsePeriod(period, 'input.period');
    const asOf = date > lastDayOf(month) ? date : lastDayOf(month);
    const rows = await context.live.duesQueries.ofMember(memberId, { from: month, to: month }, asOf);
    const row = rows.find((entry) => entry.period === month);
    return {
      paymentId: result.subjectId,
      ...writeResultOf(result),
      dues: row ? toDuesPayment(row, context.live) : null,
    };
  }
}
