import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { Meeting, toMeeting } from './meeting.type';
import { Unit, toUnit } from '../units/unit.type';
import { ViewArgs } from '../shared/viewArgs';
import { meetingLoaders } from './meetingLoaders';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'A meeting; null if it was not held by `asOf` (default today).' })
  async meeting(@Arg('id', () => ID) id: string, @Args(() => ViewArgs) viewArgs: ViewArgs, @Ctx() context: ApiContext): Promise<Meeting | null> {
    const { view, date } = await context.view(viewArgs);
    const found = await meetingLoaders(view).meetingById.load(id);
    return found && found.heldOn <= date ? toMeeting(found, date, view) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit that held the meeting, as it stood on the day it was held.' })
  async unit(@Root() meeting: Meeting): Promise<Unit | null> {
    const version = await unitLoaders(meeting.view).on.load({ id: meeting.unitId, date: meeting.heldOn });
    return version ? toUnit(version, meeting.heldOn, meeting.view) : null;
  }
}
