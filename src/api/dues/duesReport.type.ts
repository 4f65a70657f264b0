import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DuesReportMonth as MonthFigures, DuesReportResult } from '../../app/dues/duesQueries';
import { Money, toMoney } from './money.type';

@ObjectType({ description: "One month of a unit's dues." })
export class DuesReportMonth {
  @Field({ description: '`YYYY-MM`.' })
  period!: string;

  @Field(() => Money, { description: "Due from the members of the unit's branches that month." })
  due!: Money;

  @Field(() => Money, { description: "Paid for the month and credited to the unit's branches, extra contributions included." })
  paid!: Money;

  @Field(() => Money, { description: 'What those members still owe for the month.' })
  outstanding!: Money;

  @Field(() => Int, { description: 'Members who owed dues for the month.' })
  membersDue!: number;

  @Field(() => Int, { description: 'Members who have not paid all that was due for the month.' })
  membersInArrears!: number;
}

@ObjectType({ description: 'Totals of a dues report; the member counts are of distinct members (due, or in arrears, in any of the months).' })
export class DuesReportTotals {
  @Field(() => Money)
  due!: Money;

  @Field(() => Money)
  paid!: Money;

  @Field(() => Money)
  outstanding!: Money;

  @Field(() => Int)
  membersDue!: number;

  @Field(() => Int)
  membersInArrears!: number;
}

@ObjectType({ description: "A unit's dues per month (党费收缴), rolled up over the branches under it on each month's first day." })
export class DuesReport {
  @Field(() => ID)
  unitId!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  includeDescendants!: boolean;

  @Field(() => [DuesReportMonth], { description: 'Every month from `from` to `to`, oldest first.' })
  months!: DuesReportMonth[];

  @Field(() => DuesReportTotals)
  totals!: DuesReportTotals;
}

function figures(month: Omit<MonthFigures, 'period'>): Omit<DuesReportMonth, 'period'> {
  return {
    due: toMoney(month.dueMinor),
    paid: toMoney(month.paidMinor),
    outstanding: toMoney(month.outstandingMinor),
    membersDue: month.membersDue,
    membersInArrears: month.membersInArrears,
  };
}

export function toDuesReport(result: DuesReportResult, request: { unitId: string; from: string; to: string; includeDescendants: boolean }): DuesReport {
  return { ...request, months: result.months.map((month) => ({ period: month.period, ...figures(month) })), totals: figures(result.totals) };
}
