import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { LeadershipEvent } from '../../src/domain/leadership/leadership.events';
import { OFFICER_TERMS, officerTermId, type OfficerTermDocument } from './officerTerms.documents';
import { leadershipAggregate } from '../../src/domain/leadership/leadership.aggregate';
import { defineProjection } from '../shared/defineProjection';
import type { EvolveContext } from '../shared/documentRules';
import { whereIn } from '../shared/correctionScope';

/** `officerTerms`: every officer's term as an interval, found by unit, by member, or by the day it runs out. */
export const officerTermsProjection = defineProjection({
  name: 'officerTerms',
  handles: leadershipAggregate.eventTypes,
  collection: OFFICER_TERMS,
  indexes: [{ unitId: 1 }, { memberId: 1 }, { termEndsOn: 1 }],
  // A unit's elections close each other's terms: its whole stream is replayed.
  forgets: (scope) => whereIn('unitId', scope.idsIn('leadership')),
  documentIds: (event) =>
    event.type === 'ElectionHeld'
      ? event.data.officers.map((officer) => officerTermId(event.data.electionId, officer.memberId))
      : [officerTermId(event.data.electionId, event.data.memberId)],
  // A new election closes the open terms of its unit, stored or made earlier in the batch.
  found: {
    filter: (events) => {
      const units = events.flatMap((event) => (event.type === 'ElectionHeld' ? [event.data.unitId] : []));
      return units.length === 0 ? undefined : { unitId: { $in: [...new Set(units)] }, validTo: null };
    },
    matching: (event) => (event.type === 'ElectionHeld' ? (term) => term.unitId === event.data.unitId && term.validTo === null : undefined),
    key: { ofEvent: (event) => event.data.unitId, ofDocument: (term) => term.unitId },
  },
  evolve: evolveTerm,
});

/** The term after `event`: an officer's new term, an open one superseded, resigned or removed; undefined when there is none. */
function evolveTerm(
  term: OfficerTermDocument | undefined,
  event: PositionedEvent<LeadershipEvent>,
  { id }: EvolveContext<OfficerTermDocument>,
): OfficerTermDocument | undefined {
  const facts = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'ElectionHeld': {
      const { electionId, unitId, unitLevel, heldOn, termYears, termEndsOn, officers } = event.data;
      if (term !== undefined && term.electionId !== electionId) {
        return { ...term, validTo: event.effectiveDate, endReason: 'SUPERSEDED', endRecordedAt: event.recordedAt, ...facts };
      }
      const officer = officers.find((candidate) => officerTermId(electionId, candidate.memberId) === id);
      if (officer === undefined) return undefined;
      const { memberId, role, votes } = officer;
      return {
        _id: id,
        electionId,
        unitId,
        unitLevel,
        memberId,
        role,
        votes,
        heldOn,
        termYears,
        termEndsOn,
        validFrom: event.effectiveDate,
        validTo: null,
        endReason: null,
        endNote: null,
        recordedAt: event.recordedAt,
        endRecordedAt: null,
        ...facts,
      };
    }
    case 'OfficerResigned':
    case 'OfficerRemoved': {
      if (term === undefined) return undefined;
      const endReason = event.type === 'OfficerResigned' ? 'RESIGNED' : 'REMOVED';
      return { ...term, validTo: event.effectiveDate, endReason, endNote: event.data.reason, endRecordedAt: event.recordedAt, ...facts };
    }
    default:
      return assertNever(event);
  }
}
