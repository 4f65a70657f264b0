import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { DateScalar } from '../shared/dateScalar';
import { DuesReport, toDuesReport } from './duesReport.type';
import { KnownAtArg } from '../shared/knownAtArg';

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
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @KnownAtArg() knownAt: Date | undefined,
    @Arg('minPosition', () => String, { nullable: true, description: 'Answer only once the read models include this position.' })
    minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<DuesReport> {
    await context.readAfter(minPosition);
    const view = await context.viewAt(knownAt);
    const result = await view.duesQueries.report(unitId, { from, to, includeDescendants }, asOf ?? context.today);
    return toDuesReport(result, { unitId, from: from.trim(), to: to.trim(), includeDescendants });
  }
}
