import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { RecordMeetingInput } from './meeting.inputs';
import { MeetingPayload } from './meeting.payload';
import { toMeeting } from './meeting.type';
import { mutationOptions } from '../shared/mutationOptions';
import { meetingLoaders } from './meetingLoaders';

@Resolver()
export class MeetingMutationResolver {
  @Mutation(() => MeetingPayload, { description: 'Records a meeting held on `heldOn` with who was present, excused and absent.' })
  async recordMeeting(@Arg('input', () => RecordMeetingInput) input: RecordMeetingInput, @Ctx() context: ApiContext): Promise<MeetingPayload> {
    const { unitId, kind, heldOn, topic, attendees, excused, absent } = input;
    const result = await context.app.meetings.record({ unitId, kind, heldOn, topic, attendees, excused, absent }, mutationOptions(input, context));
    const found = await meetingLoaders(context.live).meetingById.load(result.subjectId);
    return {
      ...writeResultOf(result),
      meeting: found ? toMeeting(found, found.heldOn, context.live) : null,
    };
  }
}
