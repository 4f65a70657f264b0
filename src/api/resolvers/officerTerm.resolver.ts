import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { InvalidInput } from '../../domain/shared/errors';
import type { ApiContext } from '../context';
import { DateScalar } from '../scalars/dateScalar';
import { Member, toMember } from '../types/member.type';
import { OfficerTerm, toOfficerTerm } from '../types/officerTerm.type';
import { Unit, toUnit } from '../types/unit.type';

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
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | undefined,
    @Arg('minPosition', () => String, { nullable: true }) minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<OfficerTerm[]> {
    if (!Number.isInteger(within) || within < 0 || within > MAX_WITHIN_DAYS) {
      throw new InvalidInput('INPUT.OUT_OF_RANGE', `within must be a whole number of days from 0 to ${MAX_WITHIN_DAYS}, got ${within}`, 'within');
    }
    await context.readAfter(minPosition);
    const date = asOf ?? context.today;
    const found = await context.app.leadershipQueries.expiring(within, date, unitId ?? null);
    return found.map((term) => toOfficerTerm(term, date));
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit on the asOf date (as it was on the election day, if dissolved since).' })
  async unit(@Root() term: OfficerTerm, @Ctx() context: ApiContext): Promise<Unit | null> {
    const version = await context.loaders.unitOn.load({ id: term.unitId, date: term.asOf });
    if (version) return toUnit(version, term.asOf);
    const earlier = await context.loaders.unitOn.load({ id: term.unitId, date: term.heldOn });
    return earlier ? toUnit(earlier, term.heldOn) : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The officer, as they stood on the asOf date.' })
  async member(@Root() term: OfficerTerm, @Ctx() context: ApiContext): Promise<Member | null> {
    const found = await context.loaders.memberOn.load({ id: term.memberId, date: term.asOf });
    return found ? toMember(found, term.asOf) : null;
  }
}
