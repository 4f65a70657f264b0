import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import { counterpartKey, normalizedName } from '../../src/domain/pairings/counterpartKey';
import type { PairingEvent } from '../../src/domain/pairings/pairing.events';
import { PAIRINGS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { pairingAggregate } from '../../src/domain/pairings/pairing.aggregate';
import type { PairingDocument } from './pairings.documents';
import type { Projection } from '../shared/projection';

const isPairingEvent = eventsOf(pairingAggregate);

/** `pairings`: every pairing as an interval, found by party, by counterpart, or by an outside counterpart's name. */
export const pairingsProjection: Projection = {
  name: 'pairings',
  collections: [PAIRINGS],

  async setup(store) {
    const pairings = store.collection<PairingDocument>(PAIRINGS);
    for (const field of ['partyId', 'counterpartKey', 'counterpartId', 'counterpartNameKey', 'kind']) await pairings.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const pairingEvents = events.filter(isPairingEvent);
    if (pairingEvents.length === 0) return;
    const pairings = new DocumentCache(store.collection<PairingDocument>(PAIRINGS));
    await pairings.load(pairingEvents.map((event) => event.data.pairingId));
    for (const event of pairingEvents) applyEvent(pairings, event);
    await pairings.flush();
  },
};

function applyEvent(pairings: DocumentCache<PairingDocument>, event: PositionedEvent<PairingEvent>): void {
  const stored = pairings.get(event.data.pairingId);
  if (alreadyApplied(stored, event)) return;
  const facts = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'PairingAssigned': {
      const { pairingId, kind, partyKind, partyId, counterpart } = event.data;
      pairings.put({
        _id: pairingId,
        kind,
        partyKind,
        partyId,
        counterpartKind: counterpart.kind,
        counterpartId: counterpart.id,
        counterpartName: counterpart.name,
        counterpartKey: counterpartKey(counterpart),
        counterpartNameKey: counterpart.name === null ? null : normalizedName(counterpart.name),
        validFrom: event.effectiveDate,
        validTo: null,
        endReason: null,
        recordedAt: event.recordedAt,
        endRecordedAt: null,
        ...facts,
      });
      return;
    }
    case 'PairingEnded':
      if (stored !== undefined)
        pairings.put({ ...stored, validTo: event.effectiveDate, endReason: event.data.reason, endRecordedAt: event.recordedAt, ...facts });
      return;
    default:
      assertNever(event);
  }
}
