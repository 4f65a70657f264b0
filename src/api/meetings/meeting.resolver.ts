import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { DateScalar } from '../shared/dateScalar';
import { Meeting, toMeeting } from './meeting.type';
import { Unit, toUnit } from '../units/unit.type';
import { KnownAtArg } from '../shared/knownAtArg';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'A meeting; null if it was not held by `asOf` (default today).' })
  async meeting(
    @Arg('id', () => ID) id: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | undefined,
    @KnownAtArg() knownAt: Date | undefined,
    @Arg('minPosition', () => String, { nullable: true }) minPosition: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<Meeting | null> {
    await context.readAfter(minPosition);
    const view = await context.viewAt(knownAt);
    const date = asOf ?? context.today;
    const found = await view.loaders.meetings.meetingById.load(id);
    return found && found.heldOn <= date ? toMeeting(found, date, view) : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit that held the meeting, as it stood on the day it was held.' })
  async unit(@Root() meeting: Meeting): Promise<Unit | null> {
    const version = await meeting.view.loaders.unitOn.load({ id: meeting.unitId, date: meeting.heldOn });
    return version ? toUnit(version, meeting.heldOn, meeting.view) : null;
  }
}
