import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award } from './award.type';
import { Unit } from '../units/unit.type';
import { awardsOf, RecipientAwardsArgs } from './recipientAwards';

@Resolver(() => Unit)
export class UnitAwardsResolver {
  @FieldResolver(() => [Award], { description: 'Awards the unit itself held on the asOf date (granted by then, not revoked by then), oldest first.' })
  async awards(@Root() unit: Unit, @Args(() => RecipientAwardsArgs) { includeRevoked }: RecipientAwardsArgs): Promise<Award[]> {
    return awardsOf(unit.view, unit.id, unit.asOf, includeRevoked);
  }
}
