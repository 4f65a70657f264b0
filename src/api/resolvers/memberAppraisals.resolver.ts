import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { Appraisal, toStandingAppraisal } from '../types/appraisal.type';
import { Member } from '../types/member.type';

@Resolver(() => Member)
export class MemberAppraisalsResolver {
  @FieldResolver(() => [Appraisal], {
    description: "The member's standing appraisal of each year, as recorded by the asOf date, oldest year first; each lists the appraisals it superseded.",
  })
  async appraisals(@Root() member: Member, @Ctx() context: ApiContext): Promise<Appraisal[]> {
    const standing = await context.loaders.assessments.appraisalsOf.load({ id: member.id, date: member.asOf });
    return standing.map((entry) => toStandingAppraisal(entry, member.asOf));
  }

  @FieldResolver(() => Appraisal, { nullable: true, description: "The member's standing appraisal of `year`, as recorded by the asOf date; null if none." })
  async appraisal(@Root() member: Member, @Arg('year', () => Int) year: number, @Ctx() context: ApiContext): Promise<Appraisal | null> {
    const standing = await context.loaders.assessments.appraisalsOf.load({ id: member.id, date: member.asOf });
    const found = standing.find((entry) => entry.appraisal.year === year);
    return found ? toStandingAppraisal(found, member.asOf) : null;
  }
}
