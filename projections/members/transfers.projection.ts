import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { MemberEvent } from '../../src/domain/members/member.events';
import { TRANSFERS, type TransferDocument, type TransferStatus } from './transfers.documents';
import { defineProjection } from '../shared/defineProjection';
import { whereIn } from '../shared/correctionScope';

type TransferEvent = Extract<MemberEvent, { type: (typeof TRANSFER_EVENT_TYPES)[number] }>;

/** The member events that start or end a transfer (leaving cancels an open one). */
const TRANSFER_EVENT_TYPES = ['TransferRequested', 'TransferAccepted', 'TransferRejected', 'TransferExpired', 'MemberLeft'] as const;

/** `transfers`: each transfer with its status, from request to decision. */
export const transfersProjection = defineProjection({
  name: 'transfers',
  handles: TRANSFER_EVENT_TYPES,
  collection: TRANSFERS,
  indexes: [{ memberId: 1 }, { status: 1 }, { toBranchId: 1 }, { fromBranchId: 1 }],
  documentIds: (event) => ('transferId' in event.data ? [event.data.transferId] : []),
  forgets: (scope) => whereIn('memberId', scope.idsIn('member')),
  // A member who leaves cancels every open transfer of theirs.
  found: {
    filter: (events) => {
      const leaving = events.flatMap((event) => (event.type === 'MemberLeft' ? [event.data.memberId] : []));
      return leaving.length === 0 ? undefined : { memberId: { $in: leaving }, status: 'OPEN' };
    },
    matching: (event) => (event.type === 'MemberLeft' ? (transfer) => transfer.memberId === event.data.memberId && transfer.status === 'OPEN' : undefined),
  },
  evolve: evolveTransfer,
});

/** The transfer after `event`; undefined when there is no transfer to decide. */
function evolveTransfer(transfer: TransferDocument | undefined, event: PositionedEvent<TransferEvent>): TransferDocument | undefined {
  switch (event.type) {
    case 'TransferRequested': {
      const { transferId, memberId, fromBranchId, toBranchId, reason, expiresOn } = event.data;
      return {
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
      };
    }
    case 'TransferAccepted':
      return decided(transfer, 'ACCEPTED', event);
    case 'TransferRejected':
      return decided(transfer, 'REJECTED', event, event.data.reason);
    case 'TransferExpired':
      return decided(transfer, 'EXPIRED', event);
    case 'MemberLeft':
      return decided(transfer, 'CANCELLED', event);
    default:
      return assertNever(event);
  }
}

function decided(
  transfer: TransferDocument | undefined,
  status: TransferStatus,
  event: PositionedEvent,
  rejectionReason: string | null = null,
): TransferDocument | undefined {
  return transfer === undefined ? undefined : { ...transfer, status, decidedOn: event.effectiveDate, rejectionReason, position: event.position };
}
