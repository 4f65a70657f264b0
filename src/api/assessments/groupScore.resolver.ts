import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { parseQuarter } from '../../domain/assessments/quarter';
import type { ApiContext } from '../shared/context';
import { GroupScore, toStandingScore } from './groupScore.type';
import { Unit, toUnit } from '../units/unit.type';
import { ViewArgs } from '../shared/viewArgs';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => GroupScore)
export class GroupScoreResolver {
  @Query(() => [GroupScore], {
    description:
      'The groups under a unit (or the unit itself, if a group), as the tree stood on the last day of the quarter (or asOf, if earlier), ranked by their total for the quarter as recorded by asOf. Groups not scored for the quarter are left out.',
  })
  async groupRanking(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('quarter', () => String, { description: '`YYYY-Qn`, e.g. "2024-Q3".' }) quarter: string,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Ctx() context: ApiContext,
  ): Promise<GroupScore[]> {
    // The quarter is checked after minPosition and before a knownAt view is built, as always.
    await context.readAfter(viewArgs.minPosition);
    const span = parseQuarter(quarter, 'quarter');
    const view = await context.viewAt(viewArgs.knownAt);
    const date = viewArgs.asOf ?? context.today;
    const ranked = await view.groupScoreQueries.ranking(unitId, span.quarter, date);
    return ranked.map((entry) => ({ ...toStandingScore(entry, date, view), rank: entry.rank, redFlagCandidate: entry.redFlagCandidate }));
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The scored group on the asOf date (as it last stood, if dissolved by then).' })
  async group(@Root() score: GroupScore): Promise<Unit | null> {
    const version = await unitLoaders(score.view).on.load({ id: score.groupId, date: score.asOf });
    return version ? toUnit(version, score.asOf, score.view) : null;
  }
}
