import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { MeetingEvent } from './meeting.events';

/** The state of stream `meeting-<meetingId>`: a meeting is recorded once and then stands. */
export type MeetingState = { exists: false } | { exists: true; meetingId: string; heldOn: string };

export const initialMeetingState = (): MeetingState => ({ exists: false });

export function evolve(_state: MeetingState, event: Dated<MeetingEvent>): MeetingState {
  switch (event.type) {
    case 'MeetingRecorded':
      return { exists: true, meetingId: event.data.meetingId, heldOn: event.effectiveDate };
    default:
      return assertNever(event.type);
  }
}
