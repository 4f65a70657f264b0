import { type PositionedEvent, eventsOf } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { TRANSFERS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import type { Projection } from '../shared/projection';
import type { TransferDocument, TransferStatus } from './transfers.documents';

const isMemberEvent = eventsOf(memberAggregate);

type Transfers = DocumentCache<TransferDocument>;

/** `transfers`: each transfer with its status, from request to decision. */
export const transfersProjection: Projection = {
  name: 'transfers',
  collections: [TRANSFERS],

  async setup(store) {
    const transfers = store.collection<TransferDocument>(TRANSFERS);
    for (const field of ['memberId', 'status', 'toBranchId', 'fromBranchId']) await transfers.createIndex({ keys: { [field]: 1 } });
  },

  async apply(events, store) {
    const memberEvents = events.filter(isMemberEvent);
    if (memberEvents.length === 0) return;
    const transfers: Transfers = new DocumentCache(store.collection<TransferDocument>(TRANSFERS));
    await transfers.load(memberEvents.flatMap((event) => ('transferId' in event.data ? [event.data.transferId] : [])));
    const leaving = memberEvents.filter((event) => event.type === 'MemberLeft').map((event) => event.data.memberId);
    if (leaving.length > 0) await transfers.loadWhere({ memberId: { $in: leaving }, status: 'OPEN' });
    for (const event of memberEvents) applyEvent(transfers, event);
    await transfers.flush();
  },
};

function applyEvent(transfers: Transfers, event: PositionedEvent<MemberEvent>): void {
  switch (event.type) {
    case 'TransferRequested': {
      if (alreadyApplied(transfers.get(event.data.transferId), event)) return;
      const { transferId, memberId, fromBranchId, toBranchId, reason, expiresOn } = event.data;
      transfers.put({
        _id: transferId,
        memberId,
        fromBranchId,
        toBranchId,
        reason,
        status: 'OPEN',
        requestedOn: event.effectiveDate,
        expiresOn,
        decidedOn: null,
        rejectionReason: null,
        position: event.position,
      });
      return;
    }
    case 'TransferAccepted':
      return decide(transfers, event.data.transferId, 'ACCEPTED', event);
    case 'TransferRejected':
      return decide(transfers, event.data.transferId, 'REJECTED', event, event.data.reason);
    case 'TransferExpired':
      return decide(transfers, event.data.transferId, 'EXPIRED', event);
    case 'MemberLeft': {
      const open = transfers.values().filter((transfer) => transfer.memberId === event.data.memberId && transfer.status === 'OPEN');
      for (const transfer of open) decide(transfers, transfer._id, 'CANCELLED', event);
      return;
    }
    case 'MemberRegistered':
    case 'MemberStageAdvanced':
    case 'MemberGroupAssigned':
      return;
    default:
      assertNever(event);
  }
}

function decide(transfers: Transfers, transferId: string, status: TransferStatus, event: PositionedEvent, rejectionReason: string | null = null): void {
  const transfer = transfers.get(transferId);
  if (transfer === undefined || alreadyApplied(transfer, event)) return;
  transfers.put({ ...transfer, status, decidedOn: event.effectiveDate, rejectionReason, position: event.position });
}
