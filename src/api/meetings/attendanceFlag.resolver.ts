import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { AttendanceFlag, toAttendanceFlag } from './attendanceFlag.type';
import { Member, toMember } from '../members/member.type';
import { ViewArgs } from '../shared/viewArgs';
import { memberLoaders } from '../members/memberLoaders';

@Resolver(() => AttendanceFlag)
export class AttendanceFlagResolver {
  @Query(() => [AttendanceFlag], {
    description:
      'Members of the unit (a group, a branch, or everything below a committee or district) on `asOf` (default today) with 3 unexcused absences in a row or 6 in total from theme party days in the twelve months up to `asOf`, by name.',
  })
  async attendanceFlags(
    @Arg('unitId', () => ID) unitId: string,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Ctx() context: ApiContext,
  ): Promise<AttendanceFlag[]> {
    const { view, date } = await context.view(viewArgs);
    return (await view.attendanceFlagQueries.flags(unitId, date)).map((flag) => toAttendanceFlag(flag, date, view));
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member as of the asOf date.' })
  async member(@Root() flag: AttendanceFlag): Promise<Member | null> {
    const found = await memberLoaders(flag.view).on.load({ id: flag.memberId, date: flag.asOf });
    return found ? toMember(found, flag.asOf, flag.view) : null;
  }
}
