import { DuesReportDocument, MemberDuesDocument, RecordDuesPaymentDocument, SetDuesBaseDocument } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

const by = { actor: 'dues-test' };

describe('dues over GraphQL', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const pay = (memberId: string, period: string, amount: string, effectiveDate: string, extra = false) =>
    server.ok(RecordDuesPaymentDocument, { input: { memberId, period, amount, effectiveDate, extra } });

  it('prices the base by the policy, records payments credited to the branch of the month, and reports due vs paid over the subtree', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    const wang = await register(server, '王芳', tree.branchA2, '2024-01-10');
    const base = await server.ok(SetDuesBaseDocument, { input: { memberId: li, category: 'EMPLOYED', monthlyIncome: '8500', effectiveDate: '2024-01-10' } });
    expect(base.setDuesBase).toMatchObject({
      version: 0,
      duesBase: { category: 'EMPLOYED', monthlyIncome: { amount: '8500.00', currency: 'CNY', minor: 850000 }, monthlyDue: { amount: '127.50', minor: 12750 } },
    });
    await server.ok(SetDuesBaseDocument, { input: { memberId: wang, category: 'STUDENT', monthlyIncome: '0', effectiveDate: '2024-01-10' } });

    await pay(li, '2026-01', '127.50', '2026-01-20');
    await pay(li, '2026-01', '10', '2026-01-20', true);
    await pay(wang, '2026-01', '0.20', '2026-01-21');
    const partial = await pay(li, '2026-02', '100', '2026-02-05');
    expect(partial.recordDuesPayment.dues).toMatchObject({
      period: '2026-02',
      due: { amount: '127.50' },
      paid: { amount: '100.00' },
      outstanding: { amount: '27.50' },
    });
    expect(partial.recordDuesPayment.dues!.payments[0].creditedBranchId).toBe(tree.branchA1);

    // Li moves to branch A2 from 2026-02-15: February's dues stay with A1, March's go to A2.
    const transfer = await server.app.members.requestTransfer({ memberId: li, toBranchId: tree.branchA2 }, { ...by, effectiveDate: '2026-02-10' });
    await server.app.members.acceptTransfer({ transferId: transfer.transferId! }, { ...by, effectiveDate: '2026-02-15' });
    const late = await pay(li, '2026-02', '27.50', '2026-03-02');
    expect(late.recordDuesPayment.dues!.payments.map((payment) => payment.creditedBranchId)).toEqual([tree.branchA1, tree.branchA1]);
    const march = await pay(li, '2026-03', '127.50', '2026-03-02');
    expect(march.recordDuesPayment.dues!.payments[0].creditedBranchId).toBe(tree.branchA2);
    // Prepaying a month ahead.
    await pay(li, '2026-08', '127.50', '2026-06-01');

    const { member } = await server.ok(MemberDuesDocument, { id: li, from: '2026-01', to: '2026-03' });
    expect(member!.dues.map((row) => [row.period, row.due.amount, row.paid.amount, row.extra.amount, row.outstanding.amount, row.payments.length])).toEqual([
      ['2026-01', '127.50', '137.50', '10.00', '0.00', 2],
      ['2026-02', '127.50', '127.50', '0.00', '0.00', 2],
      ['2026-03', '127.50', '127.50', '0.00', '0.00', 1],
    ]);
    // As recorded on 2026-02-28, February was only partly paid.
    const earlier = await server.ok(MemberDuesDocument, { id: li, from: '2026-02', to: '2026-02', asOf: '2026-02-28' });
    expect(earlier.member!.dues[0]).toMatchObject({ paid: { amount: '100.00' }, outstanding: { amount: '27.50' } });

    const report = async (unitId: string, includeDescendants = true) =>
      (await server.ok(DuesReportDocument, { unitId, from: '2026-01', to: '2026-03', includeDescendants })).duesReport;
    const committee = await report(tree.committeeA);
    expect(committee.months.map((m) => [m.period, m.due.amount, m.paid.amount, m.outstanding.amount, m.membersDue, m.membersInArrears])).toEqual([
      ['2026-01', '127.70', '137.70', '0.00', 2, 0],
      ['2026-02', '127.70', '127.50', '0.20', 2, 1],
      ['2026-03', '127.70', '127.50', '0.20', 2, 1],
    ]);
    expect(committee.totals).toEqual({
      due: { amount: '383.10' },
      paid: { amount: '392.70' },
      outstanding: { amount: '0.40' },
      membersDue: 2,
      membersInArrears: 1,
    });
    const branchA1 = await report(tree.branchA1);
    expect(branchA1.months.map((m) => [m.period, m.due.amount, m.paid.amount, m.membersDue])).toEqual([
      ['2026-01', '127.50', '137.50', 1],
      ['2026-02', '127.50', '127.50', 1],
      ['2026-03', '0.00', '0.00', 0],
    ]);
    expect((await report(tree.committeeA, false)).totals.due.amount).toBe('0.00');
    expect((await report(tree.committeeB)).totals.membersDue).toBe(0);
  });

  it('refuses bad input and rule breaks with the field named, writing nothing', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    await server.ok(SetDuesBaseDocument, { input: { memberId: li, category: 'EMPLOYED', monthlyIncome: '8500', effectiveDate: '2024-01-10' } });
    await pay(li, '2026-01', '127.50', '2026-01-20');

    await expectRefused(server, () => server.request(SetDuesBaseDocument, { input: { memberId: li, category: 'EMPLOYED', monthlyIncome: '8500.001' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'MONEY.INVALID',
      field: 'input.monthlyIncome',
      mentions: 'input.monthlyIncome',
    });
    await expectRefused(server, () => server.request(SetDuesBaseDocument, { input: { memberId: 'nobody', category: 'RETIRED', monthlyIncome: '3000' } }), {
      code: 'NOT_FOUND',
      reason: 'MEMBER.NOT_FOUND',
      field: 'input.memberId',
      mentions: 'nobody',
    });
    await expectRefused(server, () => server.request(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-01', amount: '1' } }), {
      code: 'RULE_VIOLATION',
      reason: 'DUES.MORE_THAN_DUE',
      field: 'input.amount',
      mentions: ['input.amount', 'extra'],
    });
    await expectRefused(server, () => server.request(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-1', amount: '1' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'PERIOD.INVALID',
      field: 'input.period',
      mentions: 'YYYY-MM',
    });
    await expectRefused(server, () => server.request(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-02', amount: '12.345' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'MONEY.INVALID',
      field: 'input.amount',
      mentions: 'input.amount',
    });
    await server.app.members.left({ memberId: li, reason: 'DIED' }, { ...by, effectiveDate: '2026-03-10' });
    await expectRefused(server, () => server.request(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-04', amount: '1' } }), {
      code: 'RULE_VIOLATION',
      reason: 'DUES.AFTER_LEAVING',
      field: 'input.period',
      mentions: '2026-03-10',
    });
    const bad = await server.request(DuesReportDocument, { unitId: tree.committeeA, from: '2026-03', to: '2026-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
