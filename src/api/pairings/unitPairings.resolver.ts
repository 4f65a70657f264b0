import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { Pairing, toPairing } from './pairing.type';
import { Unit } from '../units/unit.type';
import { pairingLoaders } from './pairingLoaders';

@Resolver(() => Unit)
export class UnitPairingsResolver {
  @FieldResolver(() => [Pairing], {
    description:
      'Pairings held on the asOf date by the unit and the members who belonged to it then, as party or counterpart; by default with its whole subtree. Oldest first.',
  })
  async pairings(
    @Root() unit: Unit,
    @Arg('includeDescendants', () => Boolean, { nullable: true, defaultValue: true }) includeDescendants: boolean | null,
  ): Promise<Pairing[]> {
    // An explicit null means the default.
    const found = await pairingLoaders(unit.view).pairingsOfUnit.load({ id: unit.id, date: unit.asOf, includeDescendants: includeDescendants !== false });
    return found.map((document) => toPairing(document, unit.asOf, unit.view));
  }
}
