import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { NotFound, RuleViolation } from '../shared/errors';
import { requireNotBefore } from '../shared/timeline';
import { requireEffectiveDate, requireOneOf } from '../shared/validation';
import { baseOn, evolve, initialDuesState, type DuesState } from './dues';
import type { BranchSpan, DuesCommand, DuesMember, RecordDuesPayment, SetDuesBase } from './dues.commands';
import type { DuesBaseSet, DuesEvent, DuesPaid } from './dues.events';
import { DUES_CATEGORIES } from './duesCategory';
import { creditDayOf, owesDuesFor } from './duesMembership';
import { monthlyDue } from './duesPolicy';
import { DUES_CURRENCY, formatMinor, parseMoney } from './money';
import { lastDayOf, parsePeriod } from './period';

export function setBase(command: SetDuesBase): DuesBaseSet {
  const member = requireMember(command.member, command.memberId);
  const on = requireEffectiveDate(command);
  const category = requireOneOf(command.category, DUES_CATEGORIES, 'input.category');
  const monthlyIncomeMinor = parseMoney(command.monthlyIncome, 'input.monthlyIncome', { allowZero: true });
  requireNotBefore(on, member.registeredOn, 'DATE.BEFORE_REGISTRATION', `the registration of member ${member.memberId}`);
  if (member.leftOn !== null && on >= member.leftOn) {
    throw new RuleViolation(
      'DUES.MEMBER_LEFT',
      `input.effectiveDate: member ${member.memberId} ("${member.name}") left on ${member.leftOn}`,
      'input.effectiveDate',
    );
  }
  return { type: 'DuesBaseSet', data: { memberId: member.memberId, category, monthlyIncomeMinor, currency: DUES_CURRENCY } };
}

export function pay(command: RecordDuesPayment, state: DuesState): DuesPaid {
  const member = requireMember(command.member, command.memberId);
  requireEffectiveDate(command);
  const period = parsePeriod(command.period, 'input.period');
  const amountMinor = parseMoney(command.amount, 'input.amount', { allowZero: false });
  const who = `member ${member.memberId} ("${member.name}")`;
  if (member.joinedOn === null || member.joinedOn > lastDayOf(period)) {
    const joined = member.joinedOn === null ? 'has not joined the party' : `joined on ${member.joinedOn}`;
    throw new RuleViolation('DUES.BEFORE_JOINING', `input.period: ${who} ${joined}, so owes no dues for ${period}`, 'input.period');
  }
  if (!owesDuesFor(period, member)) {
    throw new RuleViolation('DUES.AFTER_LEAVING', `input.period: ${who} left on ${member.leftOn}, so owes no dues for ${period}`, 'input.period');
  }
  if (!command.extra) {
    const base = baseOn(state.bases, lastDayOf(period));
    if (base === undefined) {
      throw new RuleViolation(
        'DUES.NO_BASE',
        `input.memberId: ${who} has no dues base for ${period}: set it with setDuesBase first (or mark the payment extra)`,
        'input.memberId',
      );
    }
    const due = monthlyDue(command.policy, base, period);
    const paid = state.paidTowardsDue[period] ?? 0;
    if (paid + amountMinor > due) {
      throw new RuleViolation(
        'DUES.MORE_THAN_DUE',
        `input.amount: ${formatMinor(amountMinor)} is more than the ${formatMinor(Math.max(0, due - paid))} still due from ${who} for ${period} (due ${formatMinor(due)}, paid ${formatMinor(paid)}); mark it extra to record a voluntary contribution`,
        'input.amount',
      );
    }
  }
  const creditedBranchId = branchOn(member.branches, creditDayOf(period, member.joinedOn));
  return {
    type: 'DuesPaid',
    data: { paymentId: command.paymentId, memberId: member.memberId, period, amountMinor, currency: DUES_CURRENCY, extra: command.extra, creditedBranchId },
  };
}

export function decide(command: DuesCommand, state: DuesState): DuesEvent[] {
  switch (command.type) {
    case 'SetDuesBase':
      return [setBase(command)];
    case 'RecordDuesPayment':
      return [pay(command, state)];
    default:
      return assertNever(command);
  }
}

export const duesDecider: Decider<DuesCommand, DuesEvent, DuesState> = { initialState: initialDuesState, evolve, decide };

function requireMember(member: DuesMember | null, memberId: string): DuesMember {
  if (member === null) throw new NotFound('MEMBER.NOT_FOUND', `input.memberId: no member ${memberId} exists`, 'input.memberId');
  return member;
}

/** The branch on `date`; before registration, the first branch. */
function branchOn(branches: readonly BranchSpan[], date: string): string {
  let found = branches[0].branchId;
  for (const span of branches) if (span.from <= date) found = span.branchId;
  return found;
}
