import { Conflict, NotFound, RuleViolation } from '../shared/errors';
import { addDays, type LocalDate } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { optionalText, requireEffectiveDate, requirePositiveInteger } from '../shared/validation';
import { isExpiredOn, type MemberState, type OpenTransfer, type RegisteredMember } from './member';
import type { AcceptTransfer, ExpireTransfer, RejectTransfer, RequestTransfer } from './member.commands';
import type { MemberEvent, TransferAccepted, TransferExpired, TransferRejected } from './member.events';
import { requireActiveBranch, requireMember, requireMemberTimeline, requireNotLeft } from './member.guards';

/**
 * The two-step transfer of a member's organizational relationship: the sending side requests it,
 * the receiving branch accepts or rejects it, and an unanswered one expires after `expiresOn`.
 */

export function requestTransfer(command: RequestTransfer, state: MemberState): MemberEvent[] {
  const member = requireMember(state, command.memberId);
  requireNotLeft(member);
  const on = requireMemberTimeline(command, member);
  const { transferId, memberId } = command;
  if (member.openTransfer?.transferId === transferId || member.closedTransfers[transferId] !== undefined) {
    throw new Conflict('TRANSFER.ALREADY_EXISTS', `input.transferId: transfer ${transferId} was already requested`, 'input.transferId');
  }
  const events: MemberEvent[] = [];
  const open = member.openTransfer;
  if (open !== null) {
    if (!isExpiredOn(open, on)) {
      throw new RuleViolation(
        'TRANSFER.ALREADY_OPEN',
        `member ${memberId} already has transfer ${open.transferId} to ${open.toBranchId} open until ${open.expiresOn}`,
        'input.memberId',
      );
    }
    // The sweeper has not closed it yet: record its expiry first, so the new request is the only open one.
    events.push({ type: 'TransferExpired', data: { transferId: open.transferId, memberId } });
  }
  requireActiveBranch('TRANSFER', 'input.toBranchId', command.toBranchId, command.toBranch, on);
  if (command.toBranchId === member.branchId) {
    throw new RuleViolation(
      'TRANSFER.SAME_BRANCH',
      `input.toBranchId: member ${memberId} already belongs to branch ${member.branchId}; to change group, assign a group instead`,
      'input.toBranchId',
    );
  }
  const reason = optionalText(command.reason, 'input.reason');
  const expiresOn = addDays(on, requirePositiveInteger(command.expiryDays, 'input.expiryDays'));
  events.push({
    type: 'TransferRequested',
    data: { transferId, memberId, fromBranchId: member.branchId, toBranchId: command.toBranchId, reason, expiresOn },
  });
  return events;
}

export function acceptTransfer(command: AcceptTransfer, state: MemberState): TransferAccepted {
  const member = requireMember(state, command.memberId);
  const { transfer, on } = requireAnswerable(command, member);
  requireActiveBranch('TRANSFER', 'input.toBranchId', transfer.toBranchId, command.toBranch, on);
  return {
    type: 'TransferAccepted',
    data: {
      transferId: transfer.transferId,
      memberId: member.memberId,
      fromBranchId: member.branchId,
      toBranchId: transfer.toBranchId,
      fromGroupId: member.groupId,
    },
  };
}

export function rejectTransfer(command: RejectTransfer, state: MemberState): TransferRejected {
  const member = requireMember(state, command.memberId);
  const { transfer } = requireAnswerable(command, member);
  const reason = optionalText(command.reason, 'input.reason');
  return { type: 'TransferRejected', data: { transferId: transfer.transferId, memberId: member.memberId, reason } };
}

/**
 * Expiry is decided against both dates: the sweeper's `today` (the brief's rule) and the effective
 * date, so that the records never show a transfer expiring on a day it could still be answered.
 */
export function expireTransfer(command: ExpireTransfer, state: MemberState): TransferExpired {
  const member = requireMember(state, command.memberId);
  const transfer = requireOpenTransfer(member, command.transferId);
  const on = requireMemberTimeline(command, member);
  if (!(transfer.expiresOn < command.today) || !isExpiredOn(transfer, on)) {
    throw new RuleViolation(
      'TRANSFER.NOT_EXPIRED',
      `transfer ${transfer.transferId} can be answered until ${transfer.expiresOn}; it expires only after that day (effective date ${on})`,
      'input.transferId',
    );
  }
  return { type: 'TransferExpired', data: { transferId: transfer.transferId, memberId: member.memberId } };
}

/** The open transfer `transferId`, or why there is none to act on. */
function requireOpenTransfer(member: RegisteredMember, transferId: string): OpenTransfer {
  if (member.openTransfer?.transferId === transferId) return member.openTransfer;
  const outcome = member.closedTransfers[transferId];
  if (outcome !== undefined) {
    throw new RuleViolation('TRANSFER.NOT_OPEN', `input.transferId: transfer ${transferId} is no longer open: it was ${outcome}`, 'input.transferId');
  }
  throw new NotFound('TRANSFER.NOT_FOUND', `input.transferId: member ${member.memberId} has no transfer ${transferId}`, 'input.transferId');
}

/** An answer (accept or reject) to the open transfer: dated on or after the request and not after its last day. */
function requireAnswerable(
  command: { transferId: string; effectiveDate: string; today: LocalDate },
  member: RegisteredMember,
): { transfer: OpenTransfer; on: LocalDate } {
  const transfer = requireOpenTransfer(member, command.transferId);
  const on = requireEffectiveDate(command);
  requireNotBefore(on, transfer.requestedOn, 'DATE.BEFORE_REQUEST', `the request of transfer ${transfer.transferId}`);
  requireMemberTimeline(command, member);
  if (isExpiredOn(transfer, on)) {
    throw new RuleViolation(
      'TRANSFER.EXPIRED',
      `transfer ${transfer.transferId} expired after ${transfer.expiresOn} and can no longer be answered on ${on}`,
      'input.transferId',
    );
  }
  return { transfer, on };
}
