import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { optionalText, requireEffectiveDate, requireOneOf } from '../shared/validation';
import { evolve, initialMeetingState, type MeetingState } from './meeting';
import type { MeetingCommand, RecordMeeting } from './meeting.commands';
import type { MeetingEvent, MeetingRecorded } from './meeting.events';
import { levelsHolding, MEETING_KINDS } from './meetingKind';

/** More names than any branch or committee meeting has; a larger list is a mistake in the input. */
export const MAX_LISTED = 2_000;

const LISTS = ['attendees', 'excused', 'absent'] as const;

export function record(command: RecordMeeting, state: MeetingState): MeetingRecorded {
  if (state.exists) throw new Conflict('MEETING.ALREADY_EXISTS', `meeting ${command.meetingId} already exists`, 'input.meetingId');
  const heldOn = requireEffectiveDate(command);
  const kind = requireOneOf(command.kind, MEETING_KINDS, 'input.kind');
  const topic = optionalText(command.topic, 'input.topic');
  const { unit, unitId } = command;
  if (unit === null) throw new NotFound('MEETING.UNIT_NOT_FOUND', `input.unitId: no unit ${unitId} exists`, 'input.unitId');
  if (!unit.active)
    throw new RuleViolation('MEETING.UNIT_NOT_ACTIVE', `input.unitId: unit ${unitId} ("${unit.name}") was not active on ${heldOn}`, 'input.unitId');
  const levels = levelsHolding(kind);
  if (!levels.includes(unit.level)) {
    throw new RuleViolation(
      'MEETING.KIND_WRONG_LEVEL',
      `input.kind: a ${kind} is held by a ${levels.join(' or ')}, but ${unitId} ("${unit.name}") is a ${unit.level}`,
      'input.kind',
    );
  }
  requireDistinctMembers(command);
  if (command.attendees.length === 0) {
    throw new InvalidInput('MEETING.NO_ATTENDEES', 'input.attendees is empty: a meeting that was held has at least one member present', 'input.attendees');
  }
  requireMembersOfUnit(command, heldOn);
  const branchId = unit.level === 'BRANCH' ? unitId : unit.level === 'GROUP' ? unit.parentId : null;
  return {
    type: 'MeetingRecorded',
    data: {
      meetingId: command.meetingId,
      unitId,
      branchId,
      kind,
      heldOn,
      topic,
      attendees: [...command.attendees],
      excused: [...command.excused],
      absent: [...command.absent],
    },
  };
}

export function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'RecordMeeting':
      return [record(command, state)];
    default:
      return assertNever(command.type);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = { initialState: initialMeetingState, evolve, decide };

/** Every id is a real id, and nobody is listed twice, in one list or across them. */
function requireDistinctMembers(command: RecordMeeting): void {
  const seen = new Map<string, string>();
  let total = 0;
  for (const list of LISTS) {
    const field = `input.${list}`;
    for (const memberId of command[list]) {
      if (memberId.trim() === '') throw new InvalidInput('MEETING.EMPTY_MEMBER_ID', `${field} contains an empty member id`, field);
      const earlier = seen.get(memberId);
      if (earlier !== undefined) {
        const where = earlier === list ? `twice in ${field}` : `in input.${earlier} and in ${field}`;
        throw new InvalidInput('MEETING.MEMBER_LISTED_TWICE', `${field}: member ${memberId} is listed ${where}; list each member once`, field);
      }
      seen.set(memberId, list);
      total++;
    }
  }
  if (total > MAX_LISTED)
    throw new InvalidInput('MEETING.TOO_MANY_LISTED', `input.attendees: ${total} members listed, at most ${MAX_LISTED}`, 'input.attendees');
}

/** Everyone listed belonged to the meeting's unit (for a committee: to a branch below it) on the day. */
function requireMembersOfUnit(command: RecordMeeting, heldOn: string): void {
  for (const list of LISTS) {
    const field = `input.${list}`;
    for (const memberId of command[list]) {
      const member = command.listed.get(memberId) ?? null;
      if (member === null) {
        throw new RuleViolation('MEETING.NOT_A_MEMBER', `${field}: ${memberId} was not an active member on ${heldOn}`, field);
      }
      if (!member.unitIds.includes(command.unitId)) {
        throw new RuleViolation(
          'MEETING.NOT_IN_UNIT',
          `${field}: member ${memberId} ("${member.name}") did not belong to ${command.unitId} ("${command.unit?.name ?? command.unitId}") on ${heldOn}`,
          field,
        );
      }
    }
  }
}
