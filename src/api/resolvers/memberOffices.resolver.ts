import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { Member } from '../types/member.type';
import { OfficerTerm, toOfficerTerm } from '../types/officerTerm.type';

@Resolver(() => Member)
export class MemberOfficesResolver {
  @FieldResolver(() => [OfficerTerm], { description: 'Every office the member had been elected to by the asOf date, ended ones included (see `endedOn`), oldest first.' })
  async offices(@Root() member: Member, @Ctx() context: ApiContext): Promise<OfficerTerm[]> {
    const found = await context.loaders.leadership.officesOf.load({ id: member.id, date: member.asOf });
    return found.map((term) => toOfficerTerm(term, member.asOf));
  }
}
