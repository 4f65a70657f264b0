import { FieldResolver, Resolver, Root } from 'type-graphql';
import { OfficerTerm, toOfficerTerm } from './officerTerm.type';
import { Unit } from '../units/unit.type';
import { leadershipLoaders } from './leadershipLoaders';

@Resolver(() => Unit)
export class UnitOfficersResolver {
  @FieldResolver(() => [OfficerTerm], {
    description: 'The officers in office on the asOf date (also after their term ran out, until a new election), secretary first.',
  })
  async officers(@Root() unit: Unit): Promise<OfficerTerm[]> {
    const found = await leadershipLoaders(unit.view).officersOf.load({ id: unit.id, date: unit.asOf });
    return found.map((term) => toOfficerTerm(term, unit.asOf, unit.view));
  }
}
