import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { DuesPayment, toDuesPayment } from './dues.type';
import { Member } from '../members/member.type';
import { daysInScope } from '../members/memberScope';

@Resolver(() => Member)
export class MemberDuesResolver {
  @FieldResolver(() => [DuesPayment], {
    description:
      'Due vs paid per month (党费), as recorded by the asOf date, oldest first: every month the member owed dues for or paid for, from `from` (default: the month they joined) to `to` (default: the asOf month), at most 120 months.',
  })
  async dues(
    @Root() member: Member,
    @Arg('from', () => String, { nullable: true, description: '`YYYY-MM`.' }) from: string | undefined,
    @Arg('to', () => String, { nullable: true, description: '`YYYY-MM`.' }) to: string | undefined,
  ): Promise<DuesPayment[]> {
    const [rows, inScope] = await Promise.all([member.view.duesQueries.ofMember(member.id, { from, to }, member.asOf), daysInScope(member)]);
    return rows.filter((row) => inScope(`${row.period}-01`, `${row.period}-31`)).map((row) => toDuesPayment(row, member.view));
  }
}
