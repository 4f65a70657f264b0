import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';
import type { MeetingKind } from './meetingKind';

/** Where a listed member stood on the meeting day; null when not an active member then. */
export interface ListedMemberOnDate {
  name: string;
  /** Their group, branch and the branch's ancestors on the day, nearest first: the units they belong to. */
  unitIds: readonly string[];
}

export type RecordMeeting = CommandTime & {
  type: 'RecordMeeting';
  meetingId: string;
  unitId: string;
  /** The unit on the effective date; null when `unitId` names no unit. */
  unit: UnitOnDate | null;
  kind: MeetingKind;
  topic: string | null;
  attendees: readonly string[];
  excused: readonly string[];
  absent: readonly string[];
  /** Every listed id, with where the member stood on the day (null: not an active member). */
  listed: ReadonlyMap<string, ListedMemberOnDate | null>;
};

export type MeetingCommand = RecordMeeting;
