import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import { maxDate, type LocalDate } from '../shared/localDate';
import type { MemberEvent } from './member.events';
import type { MemberStatus } from './memberStatus';

/** How a transfer ended. `CANCELLED`: the member left while it was open. */
export type TransferOutcome = 'ACCEPTED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED';

export interface OpenTransfer {
  transferId: string;
  toBranchId: string;
  requestedOn: LocalDate;
  /** The last day on which the transfer can still be answered. */
  expiresOn: LocalDate;
}

export interface NoMember {
  exists: false;
}

export interface RegisteredMember {
  exists: true;
  memberId: string;
  name: string;
  status: MemberStatus;
  /** The political birthday; null before the member became PROBATIONARY. */
  joinedOn: LocalDate | null;
  registeredOn: LocalDate;
  branchId: string;
  groupId: string | null;
  leftOn: LocalDate | null;
  /** Effective date of the newest event in the stream. */
  lastChangeOn: LocalDate;
  /** At most one transfer is open at a time. */
  openTransfer: OpenTransfer | null;
  closedTransfers: Readonly<Record<string, TransferOutcome>>;
}

/** The state of stream `member-<memberId>`. */
export type MemberState = NoMember | RegisteredMember;

export const initialMemberState = (): MemberState => ({ exists: false });

/** Past its last day on `date`. */
export const isExpiredOn = (transfer: OpenTransfer, date: LocalDate): boolean => transfer.expiresOn < date;

export function evolve(state: MemberState, event: Dated<MemberEvent>): MemberState {
  const on = event.effectiveDate;
  if (event.type === 'MemberRegistered') {
    const { memberId, name, branchId, groupId, status, joinedOn } = event.data;
    return {
      exists: true,
      memberId,
      name,
      status,
      joinedOn,
      registeredOn: on,
      branchId,
      groupId,
      leftOn: null,
      lastChangeOn: on,
      openTransfer: null,
      closedTransfers: {},
    };
  }
  // Only MemberRegistered can start a stream; anything else on an empty state is ignored.
  if (!state.exists) return state;
  const changed: RegisteredMember = { ...state, lastChangeOn: maxDate(state.lastChangeOn, on) };
  switch (event.type) {
    case 'MemberStageAdvanced':
      return { ...changed, status: event.data.to, joinedOn: event.data.joinedOn ?? state.joinedOn };
    case 'MemberDetailsCorrected':
      return { ...changed, name: event.data.name, joinedOn: event.data.joinedOn };
    case 'MemberLeft':
      return {
        ...(state.openTransfer ? closeTransfer(changed, state.openTransfer.transferId, 'CANCELLED') : changed),
        status: 'LEFT',
        leftOn: on,
      };
    case 'TransferRequested': {
      const { transferId, toBranchId, expiresOn } = event.data;
      return { ...changed, openTransfer: { transferId, toBranchId, requestedOn: on, expiresOn } };
    }
    case 'TransferAccepted':
      return { ...closeTransfer(changed, event.data.transferId, 'ACCEPTED'), branchId: event.data.toBranchId, groupId: null };
    case 'TransferRejected':
      return closeTransfer(changed, event.data.transferId, 'REJECTED');
    case 'TransferExpired':
      return closeTransfer(changed, event.data.transferId, 'EXPIRED');
    case 'MemberGroupAssigned':
      return { ...changed, groupId: event.data.groupId };
    default:
      return assertNever(event);
  }
}

function closeTransfer(state: RegisteredMember, transferId: string, outcome: TransferOutcome): RegisteredMember {
  const openTransfer = state.openTransfer?.transferId === transferId ? null : state.openTransfer;
  return { ...state, openTransfer, closedTransfers: { ...state.closedTransfers, [transferId]: outcome } };
}
