import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { InvalidInput } from '../../domain/shared/errors';
import type { ApiContext } from '../shared/context';
import { Member, toMember } from '../members/member.type';
import { OfficerTerm, toOfficerTerm } from './officerTerm.type';
import { Unit, toUnit } from '../units/unit.type';
import { ViewArgs } from '../shared/viewArgs';
import { memberLoaders } from '../members/memberLoaders';
import { unitLoaders } from '../units/unitLoaders';

const MAX_WITHIN_DAYS = 3_660;

@Resolver(() => OfficerTerm)
export class OfficerTermResolver {
  @Query(() => [OfficerTerm], {
    description:
      'Terms in office on `asOf` (default today) that run out within `within` days, soonest first, including lapsed terms (run out before `asOf` without a new election). ' +
      'With `unitId`, only that unit and the units under it on `asOf`.',
  })
  async expiringTerms(
    @Arg('within', () => Int, { description: 'Days after asOf, 0 to 3660.' }) within: number,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | undefined,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Ctx() context: ApiContext,
  ): Promise<OfficerTerm[]> {
    if (!Number.isInteger(within) || within < 0 || within > MAX_WITHIN_DAYS) {
      throw new InvalidInput('INPUT.OUT_OF_RANGE', `within must be a whole number of days from 0 to ${MAX_WITHIN_DAYS}, got ${within}`, 'within');
    }
    const { view, date } = await context.view(viewArgs);
    const found = await view.leadershipQueries.expiring(within, date, unitId ?? null);
    return found.map((term) => toOfficerTerm(term, date, view));
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit on the asOf date (as it was on the election day, if dissolved since).' })
  async unit(@Root() term: OfficerTerm): Promise<Unit | null> {
    const version = await unitLoaders(term.view).on.load({ id: term.unitId, date: term.asOf });
    if (version) return toUnit(version, term.asOf, term.view);
    const earlier = await unitLoaders(term.view).on.load({ id: term.unitId, date: term.heldOn });
    return earlier ? toUnit(earlier, term.heldOn, term.view) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether, by the records this query reads (now, or as known at `knownAt`), the officer belonged to the unit on the election day (to its subtree, for a committee or district). ' +
      'Checked when the election was recorded; a transfer or registration recorded late, or a retraction, can make it false since.',
  })
  async eligible(@Root() term: OfficerTerm): Promise<boolean> {
    const member = await memberLoaders(term.view).on.load({ id: term.memberId, date: term.heldOn });
    const place = member?.membership;
    if (place === undefined) return false;
    if (place.branchId === term.unitId || place.groupId === term.unitId) return true;
    const branch = await unitLoaders(term.view).on.load({ id: place.branchId, date: term.heldOn });
    return branch?.ancestors.includes(term.unitId) ?? false;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The officer, as they stood on the asOf date.' })
  async member(@Root() term: OfficerTerm): Promise<Member | null> {
    const found = await memberLoaders(term.view).on.load({ id: term.memberId, date: term.asOf });
    return found ? toMember(found, term.asOf, term.view) : null;
  }
}
