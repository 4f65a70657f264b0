import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { DuesReport, toDuesReport } from './duesReport.type';
import { DescribedViewArgs } from '../shared/viewArgs';

@Resolver(() => DuesReport)
export class DuesReportResolver {
  @Query(() => DuesReport, {
    description:
      "A unit's dues per month from `from` to `to` (`YYYY-MM`, at most 120 months): due, paid, outstanding and members in arrears, with totals; with includeDescendants, rolled up over the branches under the unit on each month's first day. As recorded by `asOf` (default today).",
  })
  async duesReport(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('includeDescendants', () => Boolean, { defaultValue: true }) includeDescendants: boolean,
    @Args(() => DescribedViewArgs) viewArgs: DescribedViewArgs,
    @Ctx() context: ApiContext,
  ): Promise<DuesReport> {
    const { view, date } = await context.view(viewArgs);
    const result = await view.duesQueries.report(unitId, { from, to, includeDescendants }, date);
    return toDuesReport(result, { unitId, from: from.trim(), to: to.trim(), includeDescendants });
  }
}
