import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Member } from '../members/member.type';
import { daysInScope } from '../members/memberScope';
import { OfficerTerm, toOfficerTerm } from './officerTerm.type';
import { leadershipLoaders } from './leadershipLoaders';

@Resolver(() => Member)
export class MemberOfficesResolver {
  @FieldResolver(() => [OfficerTerm], {
    description: 'Every office the member had been elected to by the asOf date, ended ones included (see `endedOn`), oldest first.',
  })
  async offices(@Root() member: Member): Promise<OfficerTerm[]> {
    const [found, inScope] = await Promise.all([leadershipLoaders(member.view).officesOf.load({ id: member.id, date: member.asOf }), daysInScope(member)]);
    return found.filter((term) => inScope(term.heldOn)).map((term) => toOfficerTerm(term, member.asOf, member.view));
  }
}
