import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Appraisal, toStandingAppraisal } from './appraisal.type';
import { Member } from '../members/member.type';
import { assessmentLoaders } from './assessmentLoaders';

@Resolver(() => Member)
export class MemberAppraisalsResolver {
  @FieldResolver(() => [Appraisal], {
    description: "The member's standing appraisal of each year, as recorded by the asOf date, oldest year first; each lists the appraisals it superseded.",
  })
  async appraisals(@Root() member: Member): Promise<Appraisal[]> {
    const standing = await assessmentLoaders(member.view).appraisalsOf.load({ id: member.id, date: member.asOf });
    return standing.map((entry) => toStandingAppraisal(entry, member.asOf, member.view));
  }

  @FieldResolver(() => Appraisal, { nullable: true, description: "The member's standing appraisal of `year`, as recorded by the asOf date; null if none." })
  async appraisal(@Root() member: Member, @Arg('year', () => Int) year: number): Promise<Appraisal | null> {
    const standing = await assessmentLoaders(member.view).appraisalsOf.load({ id: member.id, date: member.asOf });
    const found = standing.find((entry) => entry.appraisal.year === year);
    return found ? toStandingAppraisal(found, member.asOf, member.view) : null;
  }
}
