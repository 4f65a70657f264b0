import { defineAggregate } from '../aggregate';
import { meetingDecider } from './meeting.decide';
import { meetingEventTypes, meetingStream, type MeetingEvent } from './meeting.events';

export const meetingAggregate = defineAggregate({
  category: 'meeting',
  eventTypes: meetingEventTypes,
  streamId: meetingStream,
  idOf: (event: MeetingEvent) => event.data.meetingId,
  decider: meetingDecider,
});
