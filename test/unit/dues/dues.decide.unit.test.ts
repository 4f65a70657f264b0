import type { DuesMember, RecordDuesPayment, SetDuesBase } from '../../../src/domain/dues/dues.commands';
import { duesDecider } from '../../../src/domain/dues/dues.decide';
import type { DuesBaseSet, DuesPaid } from '../../../src/domain/dues/dues.events';
import { DEFAULT_DUES_POLICY } from '../../../src/domain/dues/duesPolicy';
import { InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { TODAY } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

/** Joined 2020-03-10 in b1, transferred to b2 on 2024-02-15. */
const member: DuesMember = {
  memberId: 'm1',
  name: '李华',
  registeredOn: '2019-05-01',
  joinedOn: '2020-03-10',
  leftOn: null,
  branches: [
    { from: '2019-05-01', branchId: 'b1' },
    { from: '2024-02-15', branchId: 'b2' },
  ],
};

const setBase = (overrides: Partial<SetDuesBase> = {}): SetDuesBase => ({
  type: 'SetDuesBase',
  memberId: 'm1',
  member,
  category: 'EMPLOYED',
  monthlyIncome: '8500',
  effectiveDate: '2020-03-10',
  today: TODAY,
  ...overrides,
});
const pay = (overrides: Partial<RecordDuesPayment> = {}): RecordDuesPayment => ({
  type: 'RecordDuesPayment',
  paymentId: 'p1',
  memberId: 'm1',
  member,
  period: '2024-01',
  amount: '127.50',
  extra: false,
  policy: DEFAULT_DUES_POLICY,
  effectiveDate: '2024-01-20',
  today: TODAY,
  ...overrides,
});

const baseSet: DuesBaseSet = { type: 'DuesBaseSet', data: { memberId: 'm1', category: 'EMPLOYED', monthlyIncomeMinor: 850000, currency: 'CNY' } };
const paid = (data: Partial<DuesPaid['data']> = {}): DuesPaid => ({
  type: 'DuesPaid',
  data: { paymentId: 'p1', memberId: 'm1', period: '2024-01', amountMinor: 12750, currency: 'CNY', extra: false, creditedBranchId: 'b1', ...data },
});

const given = spec(duesDecider).given;
const withBase = [on('2020-03-10', baseSet)];

describe('setting a dues base', () => {
  it('records category and income in minor units from the effective date', () => {
    given([]).when(setBase()).then([baseSet]);
    given(withBase)
      .when(setBase({ category: 'RETIRED', monthlyIncome: '4321.1', effectiveDate: '2024-01-01' }))
      .then([{ type: 'DuesBaseSet', data: { memberId: 'm1', category: 'RETIRED', monthlyIncomeMinor: 432110, currency: 'CNY' } }]);
  });

  it('is refused for an unknown member, a bad category or income, before registration or after leaving', () => {
    given([])
      .when(setBase({ member: null }))
      .thenThrows(NotFound, 'MEMBER.NOT_FOUND');
    given([])
      .when(setBase({ category: 'RICH' }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
    expect(
      given([])
        .when(setBase({ monthlyIncome: '12.345' }))
        .thenThrows(InvalidInput, 'MONEY.INVALID').field,
    ).toBe('input.monthlyIncome');
    given([])
      .when(setBase({ effectiveDate: '2019-04-30' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_REGISTRATION');
    given([])
      .when(setBase({ member: { ...member, leftOn: '2023-01-01' }, effectiveDate: '2023-02-01' }))
      .thenThrows(RuleViolation, 'DUES.MEMBER_LEFT');
  });
});

describe('recording a dues payment', () => {
  it('records the amount in minor units, credited to the branch on the period’s first day', () => {
    given(withBase).when(pay()).then([paid()]);
    // The transfer took effect on 2024-02-15: February stays with the old branch, March goes to the new one.
    given(withBase)
      .when(pay({ period: '2024-02' }))
      .then([paid({ period: '2024-02' })]);
    given(withBase)
      .when(pay({ period: '2024-03' }))
      .then([paid({ period: '2024-03', creditedBranchId: 'b2' })]);
  });

  it('allows partial payments up to what is due, and prepayment of months ahead', () => {
    given(withBase)
      .when(pay({ amount: '100' }))
      .then([paid({ amountMinor: 10000 })]);
    given([...withBase, on('2024-01-20', paid({ amountMinor: 10000 }))])
      .when(pay({ paymentId: 'p2', amount: '27.50' }))
      .then([paid({ paymentId: 'p2', amountMinor: 2750 })]);
    given(withBase)
      .when(pay({ period: '2024-12', effectiveDate: '2024-06-01' }))
      .then([paid({ period: '2024-12', creditedBranchId: 'b2' })]);
  });

  it('refuses paying beyond what is due unless the payment is marked extra', () => {
    const history = [...withBase, on('2024-01-20', paid())];
    const error = given(history)
      .when(pay({ paymentId: 'p2', amount: '0.01' }))
      .thenThrows(RuleViolation, 'DUES.MORE_THAN_DUE');
    expect(error.field).toBe('input.amount');
    expect(error.message).toContain('due 127.50, paid 127.50');
    given(withBase)
      .when(pay({ amount: '127.51' }))
      .thenThrows(RuleViolation, 'DUES.MORE_THAN_DUE');
    given(history)
      .when(pay({ paymentId: 'p2', amount: '50', extra: true }))
      .then([paid({ paymentId: 'p2', amountMinor: 5000, extra: true })]);
    // An extra contribution does not use up what is due.
    given([...withBase, on('2024-01-20', paid({ extra: true, amountMinor: 5000 }))])
      .when(pay({ paymentId: 'p2' }))
      .then([paid({ paymentId: 'p2' })]);
  });

  it('uses the base in force at the end of the month', () => {
    const raised = on('2024-01-31', { ...baseSet, data: { ...baseSet.data, monthlyIncomeMinor: 1200000 } });
    given([...withBase, raised])
      .when(pay({ amount: '240' }))
      .then([paid({ amountMinor: 24000 })]);
  });

  it('refuses months before joining or after leaving, and a missing base', () => {
    given(withBase)
      .when(pay({ period: '2020-02' }))
      .thenThrows(RuleViolation, 'DUES.BEFORE_JOINING');
    // The month of joining is owed, and credited to the branch on the day of joining.
    given(withBase)
      .when(pay({ period: '2020-03' }))
      .then([paid({ period: '2020-03' })]);
    given(withBase)
      .when(pay({ member: { ...member, joinedOn: null } }))
      .thenThrows(RuleViolation, 'DUES.BEFORE_JOINING');
    const left = { ...member, leftOn: '2024-03-15' };
    given(withBase)
      .when(pay({ member: left, period: '2024-03' }))
      .then([paid({ period: '2024-03', creditedBranchId: 'b2' })]);
    given(withBase)
      .when(pay({ member: left, period: '2024-04' }))
      .thenThrows(RuleViolation, 'DUES.AFTER_LEAVING');
    given([]).when(pay()).thenThrows(RuleViolation, 'DUES.NO_BASE');
  });

  it('refuses an unknown member, a bad period or amount, naming the field', () => {
    given(withBase)
      .when(pay({ member: null }))
      .thenThrows(NotFound, 'MEMBER.NOT_FOUND');
    expect(
      given(withBase)
        .when(pay({ period: '2024-13' }))
        .thenThrows(InvalidInput, 'PERIOD.INVALID').field,
    ).toBe('input.period');
    expect(
      given(withBase)
        .when(pay({ amount: '0' }))
        .thenThrows(InvalidInput, 'MONEY.NOT_POSITIVE').field,
    ).toBe('input.amount');
    given(withBase)
      .when(pay({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});
