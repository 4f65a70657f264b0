import { Args, FieldResolver, Resolver, Root } from 'type-graphql';
import { Award } from './award.type';
import { Member } from '../members/member.type';
import { daysInScope } from '../members/memberScope';
import { awardsOf, RecipientAwardsArgs } from './recipientAwards';

@Resolver(() => Member)
export class MemberAwardsResolver {
  @FieldResolver(() => [Award], { description: 'Awards the member held on the asOf date (granted by then, not revoked by then), oldest first.' })
  async awards(@Root() member: Member, @Args(() => RecipientAwardsArgs) { includeRevoked }: RecipientAwardsArgs): Promise<Award[]> {
    const [awards, inScope] = await Promise.all([awardsOf(member.view, member.id, member.asOf, includeRevoked), daysInScope(member)]);
    return awards.filter((award) => inScope(award.grantedOn));
  }
}
