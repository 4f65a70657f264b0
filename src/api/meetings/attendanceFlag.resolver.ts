import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { DateScalar } from '../shared/dateScalar';
import { AttendanceFlag, toAttendanceFlag } from './attendanceFlag.type';
import { Member, toMember } from '../members/member.type';
import { KnownAtArg } from '../shared/knownAtArg';

@Resolver(() => AttendanceFlag)
export class AttendanceFlagResolver {
  @Query(() => [AttendanceFlag], {
    description:
      'Members of the unit (a group, a branch, or everything below a committee or district) on `asOf` (default today) with 3 unexcused absences in a row or 6 in total from theme party days in the twelve months up to `asOf`, by name.',
  })
  async attendanceFlags(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @KnownAtArg() knownAt: Date | undefined,
    @Arg('minPosition', () => String, { nullable: true }) minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<AttendanceFlag[]> {
    await context.readAfter(minPosition);
    const view = await context.viewAt(knownAt);
    const date = asOf ?? context.today;
    return (await view.attendanceFlagQueries.flags(unitId, date)).map((flag) => toAttendanceFlag(flag, date, view));
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member as of the asOf date.' })
  async member(@Root() flag: AttendanceFlag): Promise<Member | null> {
    const found = await flag.view.loaders.memberOn.load({ id: flag.memberId, date: flag.asOf });
    return found ? toMember(found, flag.asOf, flag.view) : null;
  }
}
