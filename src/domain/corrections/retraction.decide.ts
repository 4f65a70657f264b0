import type { Decider } from '../decider';
import type { OrgEvent } from '../events';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { RetractEvent } from './retraction.commands';
import type { EventRetracted } from './retraction.events';
import { evolveRetraction, initialRetractionState, type RetractionState, type StreamFact } from './retraction';
import { buildsOnInStream, dependsAcrossStreams } from './retractionDependencies';

export const MAX_REASON_LENGTH = 2000;
const LISTED_DEPENDENTS = 3;

/**
 * Retracts one event of a stream: refused when it is unknown, already retracted, a retraction
 * itself, or when later facts (in its stream or elsewhere) were decided on it; those must be
 * retracted first, so that the history left is one the organization's rules allow.
 */
export function decideRetraction(command: RetractEvent, state: RetractionState): EventRetracted[] {
  const reason = command.reason.trim();
  if (reason === '') throw new InvalidInput('RETRACTION.REASON_REQUIRED', 'input.reason must say why the event is retracted', 'input.reason');
  if (reason.length > MAX_REASON_LENGTH) {
    throw new InvalidInput('RETRACTION.REASON_TOO_LONG', `input.reason is ${reason.length} characters; at most ${MAX_REASON_LENGTH}`, 'input.reason');
  }
  const at = state.facts.findIndex((fact) => fact.eventId === command.eventId);
  const target = state.facts[at];
  if (target === undefined) throw new NotFound('RETRACTION.EVENT_NOT_FOUND', `input.eventId ${command.eventId} names no event of its stream`, 'input.eventId');
  if (target.type === 'ApiKeyIssued' || target.type === 'ApiKeyRevoked') {
    throw new RuleViolation(
      'RETRACTION.ACCESS_EVENT',
      `Event ${target.eventId} (${target.type}) records who could do what and stays in the log; revoke the key (orgtrack tokens revoke) instead`,
      'input.eventId',
    );
  }
  if (target.type === 'EventRetracted') {
    throw new RuleViolation(
      'RETRACTION.OF_RETRACTION',
      `Event ${target.eventId} is itself a retraction and cannot be retracted; record the fact again instead`,
      'input.eventId',
    );
  }
  if (target.retractedBy !== null) {
    throw new RuleViolation(
      'RETRACTION.ALREADY_RETRACTED',
      `Event ${target.eventId} (${target.type}) was already retracted by ${target.retractedBy}`,
      'input.eventId',
    );
  }
  if (command.effectiveDate !== target.effectiveDate) {
    throw new InvalidInput(
      'RETRACTION.EFFECTIVE_DATE',
      `input.effectiveDate ${command.effectiveDate} differs from ${target.effectiveDate}, the retracted event's effective date: a retraction takes effect from the day of the fact it withdraws; leave effectiveDate out`,
      'input.effectiveDate',
    );
  }
  const dependents = [
    ...state.facts.slice(at + 1).filter((later) => later.retractedBy === null && later.type !== 'EventRetracted' && buildsOnInStream(later, target)),
    ...command.namedElsewhere.filter((other) => dependsAcrossStreams(other, target)),
  ];
  if (dependents.length > 0) throw hasDependents(target, dependents);
  return [{ type: 'EventRetracted', data: { eventId: target.eventId, eventType: target.type, reason } }];
}

function hasDependents(target: StreamFact, dependents: readonly { eventId: string; type: string; effectiveDate: string }[]): RuleViolation {
  const listed = dependents.slice(0, LISTED_DEPENDENTS).map((dependent) => `${dependent.type} ${dependent.eventId} (${dependent.effectiveDate})`);
  const more = dependents.length > LISTED_DEPENDENTS ? ` and ${dependents.length - LISTED_DEPENDENTS} more` : '';
  return new RuleViolation(
    'RETRACTION.HAS_DEPENDENTS',
    `Event ${target.eventId} (${target.type}) cannot be retracted while later facts depend on it: ${listed.join(', ')}${more}; retract those first`,
    'input.eventId',
  );
}

export const retractionDecider: Decider<RetractEvent, OrgEvent, RetractionState> = {
  initialState: initialRetractionState,
  evolve: evolveRetraction,
  decide: decideRetraction,
  seesRetractedEvents: true,
};
