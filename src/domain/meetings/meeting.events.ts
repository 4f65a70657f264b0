import { eventTypesOf } from '../aggregate';
import type { MeetingKind } from './meetingKind';

/**
 * Events of the meeting aggregate, stream `meeting-<meetingId>`: one meeting, recorded once with
 * its attendance. The effective date is the day it was held (`heldOn`).
 */
export type MeetingRecorded = {
  type: 'MeetingRecorded';
  data: {
    meetingId: string;
    /** The unit that held the meeting. */
    unitId: string;
    /** The branch the meeting belongs to: the unit itself, or a group's branch on the day; null for a committee or district. */
    branchId: string | null;
    kind: MeetingKind;
    heldOn: string;
    topic: string | null;
    /** Member ids: present, absent with an excuse, absent without one; nobody in two lists. */
    attendees: string[];
    excused: string[];
    absent: string[];
  };
};

export type MeetingEvent = MeetingRecorded;

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const meetingEventTypes = eventTypesOf<MeetingEvent>({ MeetingRecorded: true });
