import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import { counterpartKey, normalizedName } from '../../src/domain/pairings/counterpartKey';
import type { PairingEvent } from '../../src/domain/pairings/pairing.events';
import { PAIRINGS, type PairingDocument } from './pairings.documents';
import { pairingAggregate } from '../../src/domain/pairings/pairing.aggregate';
import { defineProjection } from '../shared/defineProjection';
import { whereIn } from '../shared/correctionScope';

/** `pairings`: every pairing as an interval, found by party, by counterpart, or by an outside counterpart's name. */
export const pairingsProjection = defineProjection({
  name: 'pairings',
  // 2: counterpart keys ignore invisible characters and all white space.
  version: 2,
  handles: pairingAggregate.eventTypes,
  collection: PAIRINGS,
  indexes: [{ partyId: 1 }, { counterpartKey: 1 }, { counterpartId: 1 }, { counterpartNameKey: 1 }, { kind: 1 }],
  documentIds: (event) => [event.data.pairingId],
  forgets: (scope) => whereIn('_id', scope.idsIn('pairing')),
  evolve: evolvePairing,
});

/** The pairing after `event`; undefined when there is no pairing to end. */
function evolvePairing(stored: PairingDocument | undefined, event: PositionedEvent<PairingEvent>): PairingDocument | undefined {
  const facts = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'PairingAssigned': {
      const { pairingId, kind, partyKind, partyId, counterpart } = event.data;
      return {
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
      };
    }
    case 'PairingEnded':
      return stored === undefined
        ? undefined
        : { ...stored, validTo: event.effectiveDate, endReason: event.data.reason, endRecordedAt: event.recordedAt, ...facts };
    default:
      return assertNever(event);
  }
}
