import type { PositionedEvent } from '../../domain/events';

/** What in a batch of applied events may have changed members' attendance flags. */
export interface FlagTriggers {
  /** Members to reassess. */
  memberIds: Set<string>;
  /** Retractions in the batch: the members of what they withdrew are reassessed too. */
  retractionIds: string[];
}

/**
 * A theme party day changes the flags of everyone listed (being present breaks a run); a member
 * registered, leaving or moving to another branch changes whether and where they are flagged.
 * Other events (the flag events themselves included) change no flag.
 */
export function flagTriggers(events: readonly PositionedEvent[]): FlagTriggers {
  const memberIds = new Set<string>();
  const retractionIds: string[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'MeetingRecorded': {
        const { kind, attendees, excused, absent } = event.data;
        if (kind === 'THEME_PARTY_DAY') for (const memberId of [...attendees, ...excused, ...absent]) memberIds.add(memberId);
        break;
      }
      case 'MemberRegistered':
      case 'MemberLeft':
      case 'TransferAccepted':
        memberIds.add(event.data.memberId);
        break;
      case 'EventRetracted':
        retractionIds.push(event.id);
        break;
      default:
        break;
    }
  }
  return { memberIds, retractionIds };
}
