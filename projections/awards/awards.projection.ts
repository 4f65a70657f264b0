import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { AwardEvent } from '../../src/domain/awards/award.events';
import type { AwardDocument } from './awards.documents';
import { AWARDS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { awardAggregate } from '../../src/domain/awards/award.aggregate';
import type { Projection } from '../shared/projection';

const isAwardEvent = eventsOf(awardAggregate);

/** `awards`: each award with its recipient, granting unit and, once revoked, when and why. */
export const awardsProjection: Projection = {
  name: 'awards',
  collections: [AWARDS],

  async setup(store) {
    const awards = store.collection<AwardDocument>(AWARDS);
    for (const field of ['recipientId', 'grantedById']) await awards.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const awardEvents = events.filter(isAwardEvent);
    if (awardEvents.length === 0) return;
    const awards = new DocumentCache(store.collection<AwardDocument>(AWARDS));
    await awards.load(awardEvents.map((event) => event.data.awardId));
    for (const event of awardEvents) {
      const award = awards.get(event.data.awardId);
      if (alreadyApplied(award, event)) continue;
      const next = evolveAward(award, event);
      if (next !== undefined) awards.put(next);
    }
    await awards.flush();
  },
};

/** The award after `event`; undefined when there is no award to change. */
export function evolveAward(award: AwardDocument | undefined, event: PositionedEvent<AwardEvent>): AwardDocument | undefined {
  const recorded = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'AwardGranted': {
      const { awardId, recipientKind, recipientId, title, otherTitle, grantedById, citation } = event.data;
      return {
        _id: awardId,
        recipientKind,
        recipientId,
        title,
        otherTitle,
        grantedById,
        citation,
        grantedOn: event.effectiveDate,
        revokedOn: null,
        revokeReason: null,
        recordedAt: event.recordedAt,
        endRecordedAt: null,
        ...recorded,
      };
    }
    case 'AwardRevoked':
      return award === undefined
        ? undefined
        : { ...award, revokedOn: event.effectiveDate, revokeReason: event.data.reason, endRecordedAt: event.recordedAt, ...recorded };
    default:
      return assertNever(event);
  }
}
