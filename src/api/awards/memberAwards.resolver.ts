import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award } from './award.type';
import { Member } from '../members/member.type';
import { awardsOf, RecipientAwardsArgs } from './recipientAwards';

@Resolver(() => Member)
export class MemberAwardsResolver {
  @FieldResolver(() => [Award], { description: 'Awards the member held on the asOf date (granted by then, not revoked by then), oldest first.' })
  async awards(@Root() member: Member, @Args(() => RecipientAwardsArgs) { includeRevoked }: RecipientAwardsArgs): Promise<Award[]> {
    return awardsOf(member.view, member.id, member.asOf, includeRevoked);
  }
}
