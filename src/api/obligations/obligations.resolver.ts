import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { MAX_OBLIGATION_WINDOW_DAYS } from '../../app/obligations/obligationRules';
import type { ApiContext } from '../shared/context';
import { Member, toMember } from '../members/member.type';
import { Obligation, toObligation } from './obligation.type';
import { Unit, toUnit } from '../units/unit.type';
import { DescribedViewArgs } from '../shared/viewArgs';
import { memberLoaders } from '../members/memberLoaders';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => Obligation)
export class ObligationsResolver {
  @Query(() => [Obligation], {
    description:
      'What falls due in the subtree of `unitId` (as it stood on `asOf`, default today) on or before `asOf` + `within` days, by dueOn then kind: ' +
      'leadership terms ending, and lapsed ones (ended without a new election); probations ending one year after admission as a probationary member (and overdue ones); ' +
      'required meetings not yet held in the month, quarter or year of asOf; members owing dues for more than 3 months. Empty for a unit dissolved by asOf.',
  })
  async obligations(
    @Arg('unitId', () => ID, { description: 'A unit that existed on asOf; unknown: NOT_FOUND.' }) unitId: string,
    @Arg('within', () => Int, { description: `Days after asOf, 0 to ${MAX_OBLIGATION_WINDOW_DAYS}.` }) within: number,
    @Args(() => DescribedViewArgs) viewArgs: DescribedViewArgs,
    @Ctx() context: ApiContext,
  ): Promise<Obligation[]> {
    const { view, date } = await context.view(viewArgs);
    return (await view.obligationQueries.obligations(unitId, within, date)).map((found) => toObligation(found, date, view));
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: "The unit concerned on asOf: the unit that elected, the member's branch, or the branch or group that is to meet.",
  })
  async unit(@Root() obligation: Obligation): Promise<Unit | null> {
    const version = await unitLoaders(obligation.view).on.load({ id: obligation.unitId, date: obligation.asOf });
    return version ? toUnit(version, obligation.asOf, obligation.view) : null;
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: 'PROBATION_ENDING and DUES_ARREARS: the member, as they stood on asOf; null for the other kinds.',
  })
  async member(@Root() obligation: Obligation): Promise<Member | null> {
    if (obligation.memberId === null) return null;
    const found = await memberLoaders(obligation.view).on.load({ id: obligation.memberId, date: obligation.asOf });
    return found ? toMember(found, obligation.asOf, obligation.view) : null;
  }
}
