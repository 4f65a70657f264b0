import { defineAggregate } from '../aggregate';
import { meetingDecider } from './meeting.decide';
import { meetingStream, type MeetingEvent } from './meeting.events';

export const meetingAggregate = defineAggregate({
  category: 'meeting',
  eventTypes: { MeetingRecorded: true },
  streamId: meetingStream,
  idOf: (event: MeetingEvent) => event.data.meetingId,
  decider: meetingDecider,
});
