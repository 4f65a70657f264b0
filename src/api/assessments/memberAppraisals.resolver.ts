import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { daysInScope } from '../members/memberScope';
import type { StandingAppraisal } from '../../app/assessments/appraisalQueries';
import { Appraisal, toStandingAppraisal } from './appraisal.type';
import { Member } from '../members/member.type';
import { assessmentLoaders } from './assessmentLoaders';

@Resolver(() => Member)
export class MemberAppraisalsResolver {
  @FieldResolver(() => [Appraisal], {
    description: "The member's standing appraisal of each year, as recorded by the asOf date, oldest year first; each lists the appraisals it superseded.",
  })
  async appraisals(@Root() member: Member): Promise<Appraisal[]> {
    const standing = await appraisalsInScope(member);
    return standing.map((entry) => toStandingAppraisal(entry, member.asOf, member.view));
  }

  @FieldResolver(() => Appraisal, { nullable: true, description: "The member's standing appraisal of `year`, as recorded by the asOf date; null if none." })
  async appraisal(@Root() member: Member, @Arg('year', () => Int) year: number): Promise<Appraisal | null> {
    const standing = await appraisalsInScope(member);
    const found = standing.find((entry) => entry.appraisal.year === year);
    return found ? toStandingAppraisal(found, member.asOf, member.view) : null;
  }
}

/** The member's standing appraisals of the years they were the caller's (for a scoped caller, those their memberships in scope overlap). */
async function appraisalsInScope(member: Member): Promise<StandingAppraisal[]> {
  const [standing, inScope] = await Promise.all([assessmentLoaders(member.view).appraisalsOf.load({ id: member.id, date: member.asOf }), daysInScope(member)]);
  return standing.filter((entry) => inScope(`${entry.appraisal.year}-01-01`, `${entry.appraisal.year}-12-31`));
}
