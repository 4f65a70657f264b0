import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RememberedResult } from '../../app/commands/idempotency';
import type { ApiContext } from '../shared/context';
import { mutationOptions } from '../shared/mutationOptions';
import { writeResultOf } from '../shared/writeResult';
import type { MutationInput } from '../shared/mutationInput';
import { DissolveUnitInput, EstablishUnitInput, MoveUnitInput, RenameUnitInput } from './unit.inputs';
import { UnitPayload } from './unit.payload';
import { toUnit } from './unit.type';
import { unitLoaders } from './unitLoaders';

@Resolver()
export class UnitMutationResolver {
  @Mutation(() => UnitPayload, { description: 'Sets up a unit under a parent one level up (a district has none).' })
  async establishUnit(@Arg('input', () => EstablishUnitInput) input: EstablishUnitInput, @Ctx() context: ApiContext): Promise<UnitPayload> {
    const { level, name, code, parentId } = input;
    return unitPayload(context, input, await context.app.units.establish({ level, name, code, parentId }, mutationOptions(input, context)));
  }

  @Mutation(() => UnitPayload, { description: 'Gives a unit a new name from the effective date on.' })
  async renameUnit(@Arg('input', () => RenameUnitInput) input: RenameUnitInput, @Ctx() context: ApiContext): Promise<UnitPayload> {
    const { unitId, name } = input;
    return unitPayload(context, input, await context.app.units.rename({ unitId, name }, mutationOptions(input, context)));
  }

  @Mutation(() => UnitPayload, { description: 'Moves a unit, with its whole subtree, under another parent of the right level.' })
  async moveUnit(@Arg('input', () => MoveUnitInput) input: MoveUnitInput, @Ctx() context: ApiContext): Promise<UnitPayload> {
    const { unitId, parentId } = input;
    return unitPayload(context, input, await context.app.units.move({ unitId, parentId }, mutationOptions(input, context)));
  }

  @Mutation(() => UnitPayload, { description: 'Dissolves a unit that has no active members and no active children.' })
  async dissolveUnit(@Arg('input', () => DissolveUnitInput) input: DissolveUnitInput, @Ctx() context: ApiContext): Promise<UnitPayload> {
    const { unitId, reason } = input;
    return unitPayload(context, input, await context.app.units.dissolve({ unitId, reason }, mutationOptions(input, context)));
  }
}

async function unitPayload(context: ApiContext, input: MutationInput, result: RememberedResult): Promise<UnitPayload> {
  const date = input.effectiveDate ?? context.today;
  const version = await unitLoaders(context.live).on.load({ id: result.subjectId, date });
  return { ...writeResultOf(result), unit: version ? toUnit(version, date, context.live) : null };
}
