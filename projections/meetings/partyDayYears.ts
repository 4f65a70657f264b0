import type { PositionedEvent } from '../../src/domain/events';
import type { PartyDayOutcome } from '../../src/domain/meetings/attendanceFlags';
import type { MeetingEvent } from '../../src/domain/meetings/meeting.events';
import type { AttendanceOutcome } from '../../src/domain/meetings/meetingKind';
import { declaredCollection } from '../shared/declaredCollection';
import { PARTY_DAY_YEARS, type PartyDayYearDocument } from './meetings.documents';
import { whereIn } from '../shared/correctionScope';

/** Id of the `partyDayYears` document of a member and a calendar year (`YYYY`). */
export function partyDayYearId(memberId: string, year: string): string {
  return `${memberId}:${year}`;
}

/**
 * The calendar years a period `after` (exclusive) .. `upTo` (inclusive) touches, oldest first:
 * the documents to read for a member's theme party days in it (two for a twelve-month window).
 */
export function yearsOf(after: string, upTo: string): string[] {
  const years: string[] = [];
  for (let year = Number(after.slice(0, 4)); year <= Number(upTo.slice(0, 4)); year++) years.push(String(year).padStart(4, '0'));
  return years;
}

type Meeting = PositionedEvent<MeetingEvent>;

/** `partyDayYears` of the `meetings` projection: each theme party day added to the year document of every member listed. */
export const partyDayYearDocuments = declaredCollection<Meeting, PartyDayYearDocument>({
  collection: PARTY_DAY_YEARS,
  indexes: [{ absentMemberId: 1 }, { year: 1 }],
  // A member's party days come from the meetings that list them: every one is in a scope with the member.
  forgets: (scope) => whereIn('memberId', scope.idsIn('member')),
  documentIds: (event) => (isPartyDay(event) ? listedIn(event).map((memberId) => partyDayYearId(memberId, yearOf(event))) : []),
  // A member listed twice counts once, as first listed.
  evolve: (current, event, { id }) => {
    const memberId = id.slice(0, id.length - yearOf(event).length - 1);
    const { attendees, excused } = event.data;
    return withPartyDay(current, event, memberId, attendees.includes(memberId) ? 'PRESENT' : excused.includes(memberId) ? 'EXCUSED' : 'ABSENT');
  },
});

function yearOf(event: Meeting): string {
  return event.effectiveDate.slice(0, 4);
}

/** Every member listed, present, excused or absent, in that order. */
function listedIn(event: Meeting): string[] {
  const { attendees, excused, absent } = event.data;
  return [...attendees, ...excused, ...absent];
}

function isPartyDay(event: Meeting): boolean {
  return event.data.kind === 'THEME_PARTY_DAY';
}

const LIST_OF = { PRESENT: 'presentOn', EXCUSED: 'excusedOn', ABSENT: 'absentOn' } as const;

/** The member's year document with the day of `event` added. `current` is the stored document, if any. */
function withPartyDay(current: PartyDayYearDocument | undefined, event: Meeting, memberId: string, outcome: AttendanceOutcome): PartyDayYearDocument {
  const year = yearOf(event);
  const next: PartyDayYearDocument = {
    _id: partyDayYearId(memberId, year),
    memberId,
    year,
    presentOn: [...(current?.presentOn ?? [])],
    excusedOn: [...(current?.excusedOn ?? [])],
    absentOn: [...(current?.absentOn ?? [])],
    absentMemberId: null,
    position: event.position,
  };
  const list = next[LIST_OF[outcome]];
  list.push(event.effectiveDate);
  // The list was sorted: only a day earlier than its last needs a sort.
  if (list.length > 1 && list[list.length - 2] > event.effectiveDate) list.sort();
  next.absentMemberId = next.absentOn.length > 0 ? memberId : null;
  return next;
}

/** The days of year documents as outcomes (the flag rule puts them in date order itself). */
export function partyDaysIn(years: readonly Pick<PartyDayYearDocument, 'presentOn' | 'excusedOn' | 'absentOn'>[]): PartyDayOutcome[] {
  const days: PartyDayOutcome[] = [];
  for (const { presentOn, excusedOn, absentOn } of years) {
    for (const heldOn of presentOn) days.push({ heldOn, outcome: 'PRESENT' });
    for (const heldOn of excusedOn) days.push({ heldOn, outcome: 'EXCUSED' });
    for (const heldOn of absentOn) days.push({ heldOn, outcome: 'ABSENT' });
  }
  return days;
}
