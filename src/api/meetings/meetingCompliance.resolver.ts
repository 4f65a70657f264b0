import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { BranchMeetingCompliance, MeetingCompliance, MeetingRequirement, toMeetingCompliance } from './meetingCompliance.type';
import { Unit, toUnit } from '../units/unit.type';
import { RecordsArgs } from '../shared/viewArgs';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => MeetingCompliance)
export class MeetingComplianceResolver {
  @Query(() => MeetingCompliance, {
    description:
      'Per branch of the unit (a branch, or every branch below a committee or district), which required meetings were held and which are missing in the months `from`..`to` (YYYY-MM): committee meeting and theme party day monthly, general assembly and lecture quarterly, organizational life yearly, group meetings monthly per group.',
  })
  async meetingCompliance(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Args(() => RecordsArgs) viewArgs: RecordsArgs,
    @Ctx() context: ApiContext,
  ): Promise<MeetingCompliance> {
    const { view } = await context.view(viewArgs);
    return toMeetingCompliance(await view.meetingComplianceQueries.compliance(unitId, from, to, context.today), view);
  }
}

@Resolver(() => BranchMeetingCompliance)
export class BranchMeetingComplianceResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The branch on the report date.' })
  async branch(@Root() row: BranchMeetingCompliance): Promise<Unit | null> {
    const version = await unitLoaders(row.view).on.load({ id: row.branchId, date: row.asOf });
    return version ? toUnit(version, row.asOf, row.view) : null;
  }
}

@Resolver(() => MeetingRequirement)
export class MeetingRequirementResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The branch or group on the report date.' })
  async unit(@Root() row: MeetingRequirement): Promise<Unit | null> {
    const version = await unitLoaders(row.view).on.load({ id: row.unitId, date: row.asOf });
    return version ? toUnit(version, row.asOf, row.view) : null;
  }
}
