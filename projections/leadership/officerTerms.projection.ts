import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { LeadershipEvent } from '../../src/domain/leadership/leadership.events';
import { OFFICER_TERMS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { leadershipAggregate } from '../../src/domain/leadership/leadership.aggregate';
import { officerTermId, type OfficerTermDocument } from './officerTerms.documents';
import type { Projection } from '../shared/projection';

const isLeadershipEvent = eventsOf(leadershipAggregate);

/** `officerTerms`: every officer's term as an interval, found by unit, by member, or by the day it runs out. */
export const officerTermsProjection: Projection = {
  name: 'officerTerms',
  collections: [OFFICER_TERMS],

  async setup(store) {
    const terms = store.collection<OfficerTermDocument>(OFFICER_TERMS);
    for (const field of ['unitId', 'memberId', 'termEndsOn']) await terms.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const leadershipEvents = events.filter(isLeadershipEvent);
    if (leadershipEvents.length === 0) return;
    const terms = new DocumentCache(store.collection<OfficerTermDocument>(OFFICER_TERMS));
    const elections = leadershipEvents.flatMap((event) => (event.type === 'ElectionHeld' ? [event.data.unitId] : []));
    // A new election closes the open terms of its unit, stored or made earlier in this batch.
    if (elections.length > 0) await terms.loadWhere({ unitId: { $in: [...new Set(elections)] }, validTo: null });
    await terms.load(leadershipEvents.flatMap((event) => (event.type === 'ElectionHeld' ? [] : [officerTermId(event.data.electionId, event.data.memberId)])));
    for (const event of leadershipEvents) applyEvent(terms, event);
    await terms.flush();
  },
};

function applyEvent(terms: DocumentCache<OfficerTermDocument>, event: PositionedEvent<LeadershipEvent>): void {
  const facts = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'ElectionHeld': {
      const { electionId, unitId, unitLevel, heldOn, termYears, termEndsOn, officers } = event.data;
      for (const open of terms.values()) {
        if (open.unitId !== unitId || open.validTo !== null || alreadyApplied(open, event)) continue;
        terms.put({ ...open, validTo: event.effectiveDate, endReason: 'SUPERSEDED', endRecordedAt: event.recordedAt, ...facts });
      }
      for (const { memberId, role, votes } of officers) {
        const _id = officerTermId(electionId, memberId);
        if (alreadyApplied(terms.get(_id), event)) continue;
        terms.put({
          _id,
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
        });
      }
      return;
    }
    case 'OfficerResigned':
    case 'OfficerRemoved': {
      const term = terms.get(officerTermId(event.data.electionId, event.data.memberId));
      if (term === undefined || alreadyApplied(term, event)) return;
      const endReason = event.type === 'OfficerResigned' ? 'RESIGNED' : 'REMOVED';
      terms.put({ ...term, validTo: event.effectiveDate, endReason, endNote: event.data.reason, endRecordedAt: event.recordedAt, ...facts });
      return;
    }
    default:
      assertNever(event);
  }
}
