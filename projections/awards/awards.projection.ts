import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { AwardEvent } from '../../src/domain/awards/award.events';
import { type AwardDocument, AWARDS } from './awards.documents';
import { awardAggregate } from '../../src/domain/awards/award.aggregate';
import { defineProjection } from '../shared/defineProjection';
import { whereIn } from '../shared/correctionScope';

/** `awards`: each award with its recipient, granting unit and, once revoked, when and why. */
export const awardsProjection = defineProjection({
  name: 'awards',
  handles: awardAggregate.eventTypes,
  collection: AWARDS,
  indexes: [{ recipientId: 1 }, { grantedById: 1 }],
  documentIds: (event) => [event.data.awardId],
  forgets: (scope) => whereIn('_id', scope.idsIn('award')),
  evolve: evolveAward,
});

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
