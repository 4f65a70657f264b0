import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import type { ReadView } from '../shared/readView';
import { Award, toAward } from './award.type';
import { Member, toMember } from '../members/member.type';
import { Unit, toUnit } from '../units/unit.type';
import { ViewArgs } from '../shared/viewArgs';
import { awardLoaders } from './awardLoaders';
import { memberLoaders } from '../members/memberLoaders';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => Award)
export class AwardResolver {
  @Query(() => Award, { nullable: true, description: 'An award as it stood on `asOf` (default today); null if not granted by then.' })
  async award(@Arg('id', () => ID) id: string, @Args(() => ViewArgs) viewArgs: ViewArgs, @Ctx() context: ApiContext): Promise<Award | null> {
    const { view, date } = await context.view(viewArgs);
    const found = await awardLoaders(view).awardById.load(id);
    return found && found.grantedOn <= date ? toAward(found, date, view) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The granting unit on the asOf date (as it was on the grant date, if dissolved since).' })
  async grantedBy(@Root() award: Award): Promise<Unit | null> {
    return unitOn(award.view, award.grantedById, award.asOf, award.grantedOn);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member who received the award, on the asOf date; null for an award to a unit.' })
  async memberRecipient(@Root() award: Award): Promise<Member | null> {
    if (award.recipientKind !== 'MEMBER') return null;
    const found = await memberLoaders(award.view).on.load({ id: award.recipientId, date: award.asOf });
    return found ? toMember(found, award.asOf, award.view) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit that received the award, on the asOf date; null for an award to a member.' })
  async unitRecipient(@Root() award: Award): Promise<Unit | null> {
    if (award.recipientKind !== 'UNIT') return null;
    return unitOn(award.view, award.recipientId, award.asOf, award.grantedOn);
  }

  @FieldResolver(() => Int, {
    description: "The award's version now (not as of the date; with `knownAt`, as recorded then): pass it as `expectedVersion` to revokeAward.",
  })
  async version(@Root() award: Award): Promise<number> {
    return (await awardLoaders(award.view).awardById.load(award.id))?.version ?? 0;
  }
}

/** The unit on `date`, or as it last stood on `fallback` when it was no longer active by `date`. */
async function unitOn(view: ReadView, unitId: string, date: string, fallback: string): Promise<Unit | null> {
  const version = await unitLoaders(view).on.load({ id: unitId, date });
  if (version) return toUnit(version, date, view);
  const earlier = await unitLoaders(view).on.load({ id: unitId, date: fallback });
  return earlier ? toUnit(earlier, fallback, view) : null;
}
