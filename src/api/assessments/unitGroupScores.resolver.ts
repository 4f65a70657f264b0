import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { parseQuarter } from '../../domain/assessments/quarter';
import { GroupScore, toStandingScore } from './groupScore.type';
import { Unit } from '../units/unit.type';
import { assessmentLoaders } from './assessmentLoaders';

@Resolver(() => Unit)
export class UnitGroupScoresResolver {
  @FieldResolver(() => [GroupScore], {
    description:
      "A group's standing score of each quarter, as recorded by the asOf date, oldest quarter first (empty for other levels). With `quarter`, only that one.",
  })
  async groupScores(
    @Root() unit: Unit,
    @Arg('quarter', () => String, { nullable: true, description: '`YYYY-Qn`.' }) quarter: string | undefined,
  ): Promise<GroupScore[]> {
    const only = quarter === undefined || quarter === null ? undefined : parseQuarter(quarter, 'quarter').quarter;
    if (unit.level !== 'GROUP') return [];
    const standing = await assessmentLoaders(unit.view).scoresOf.load({ id: unit.id, date: unit.asOf });
    return standing.filter((entry) => only === undefined || entry.score.quarter === only).map((entry) => toStandingScore(entry, unit.asOf, unit.view));
  }
}
