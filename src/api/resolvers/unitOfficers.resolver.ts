import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { OfficerTerm, toOfficerTerm } from '../types/officerTerm.type';
import { Unit } from '../types/unit.type';

@Resolver(() => Unit)
export class UnitOfficersResolver {
  @FieldResolver(() => [OfficerTerm], { description: 'The officers in office on the asOf date (also after their term ran out, until a new election), secretary first.' })
  async officers(@Root() unit: Unit, @Ctx() context: ApiContext): Promise<OfficerTerm[]> {
    const found = await context.loaders.leadership.officersOf.load({ id: unit.id, date: unit.asOf });
    return found.map((term) => toOfficerTerm(term, unit.asOf));
  }
}
