import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { DateScalar } from '../scalars/dateScalar';
import { Award, toAward } from '../types/award.type';
import { Member, toMember } from '../types/member.type';
import { Unit, toUnit } from '../types/unit.type';

@Resolver(() => Award)
export class AwardResolver {
  @Query(() => Award, { nullable: true, description: 'An award as it stood on `asOf` (default today); null if not granted by then.' })
  async award(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @Arg('minPosition', () => String, { nullable: true }) minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<Award | null> {
    await context.readAfter(minPosition);
    const date = asOf ?? context.today;
    const found = await context.loaders.awards.awardById.load(id);
    return found && found.grantedOn <= date ? toAward(found, date) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The granting unit on the asOf date (as it was on the grant date, if dissolved since).' })
  async grantedBy(@Root() award: Award, @Ctx() context: ApiContext): Promise<Unit | null> {
    return unitOn(context, award.grantedById, award.asOf, award.grantedOn);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member who received the award, on the asOf date; null for an award to a unit.' })
  async memberRecipient(@Root() award: Award, @Ctx() context: ApiContext): Promise<Member | null> {
    if (award.recipientKind !== 'MEMBER') return null;
    const found = await context.loaders.memberOn.load({ id: award.recipientId, date: award.asOf });
    return found ? toMember(found, award.asOf) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit that received the award, on the asOf date; null for an award to a member.' })
  async unitRecipient(@Root() award: Award, @Ctx() context: ApiContext): Promise<Unit | null> {
    if (award.recipientKind !== 'UNIT') return null;
    return unitOn(context, award.recipientId, award.asOf, award.grantedOn);
  }

  @FieldResolver(() => Int, { description: "The award's version now (not as of the date): pass it as `expectedVersion` to revokeAward." })
  async version(@Root() award: Award, @Ctx() context: ApiContext): Promise<number> {
    return (await context.loaders.awards.awardById.load(award.id))?.version ?? 0;
  }
}

/** The unit on `date`, or as it last stood on `fallback` when it was no longer active by `date`. */
async function unitOn(context: ApiContext, unitId: string, date: string, fallback: string): Promise<Unit | null> {
  const version = await context.loaders.unitOn.load({ id: unitId, date });
  if (version) return toUnit(version, date);
  const earlier = await context.loaders.unitOn.load({ id: unitId, date: fallback });
  return earlier ? toUnit(earlier, fallback) : null;
}
