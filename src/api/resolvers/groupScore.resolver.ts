import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { parseQuarter } from '../../domain/groupScore/quarter';
import type { ApiContext } from '../context';
import { DateScalar } from '../scalars/dateScalar';
import { GroupScore, toStandingScore } from '../types/groupScore.type';
import { Unit, toUnit } from '../types/unit.type';

@Resolver(() => GroupScore)
export class GroupScoreResolver {
  @Query(() => [GroupScore], {
    description:
      'The groups under a unit (or the unit itself, if a group), as the tree stood on the last day of the quarter (or asOf, if earlier), ranked by their total for the quarter as recorded by asOf. Groups not scored for the quarter are left out.',
  })
  async groupRanking(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('quarter', () => String, { description: '`YYYY-Qn`, e.g. "2024-Q3".' }) quarter: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @Arg('minPosition', () => String, { nullable: true }) minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<GroupScore[]> {
    await context.readAfter(minPosition);
    const date = asOf ?? context.today;
    const span = parseQuarter(quarter, 'quarter');
    const ranked = await context.app.groupScoreQueries.ranking(unitId, span.quarter, date);
    return ranked.map((entry) => ({ ...toStandingScore(entry, date), rank: entry.rank, redFlagCandidate: entry.redFlagCandidate }));
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The scored group on the asOf date (as it last stood, if dissolved by then).' })
  async group(@Root() score: GroupScore, @Ctx() context: ApiContext): Promise<Unit | null> {
    const version = await context.loaders.unitOn.load({ id: score.groupId, date: score.asOf });
    return version ? toUnit(version, score.asOf) : null;
  }
}
