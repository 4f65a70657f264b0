import {
  AcceptTransferDocument,
  DuesReportDocument,
  MemberDuesDocument,
  RecordDuesPaymentDocument,
  RequestTransferDocument,
  RetractEventDocument,
  SetDuesBaseDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/testServer';

describe('dues credits follow corrections, over GraphQL', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  /** Per month: due, paid, members due, members in arrears. */
  const months = async (unitId: string) =>
    (await server.ok(DuesReportDocument, { unitId, from: '2026-02', to: '2026-04', includeDescendants: true })).duesReport.months.map((month) => [
      month.period,
      month.due.amount,
      month.paid.amount,
      month.membersDue,
      month.membersInArrears,
    ]);
  const creditedFor = async (memberId: string, period: string) =>
    (await server.ok(MemberDuesDocument, { id: memberId, from: period, to: period })).member!.dues[0].payments.map((payment) => payment.creditedBranchId);

  it('a transfer recorded after a payment, effective before its month, moves the credit to the new branch; retracting it moves it back', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    await server.ok(SetDuesBaseDocument, { input: { memberId: li, category: 'EMPLOYED', monthlyIncome: '8500', effectiveDate: '2024-01-10' } });
    await server.ok(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-02', amount: '127.50', effectiveDate: '2026-02-05' } });
    const march = await server.ok(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-03', amount: '127.50', effectiveDate: '2026-03-05' } });
    // When the payment was recorded Li was in A1, as far as anyone knew.
    expect(march.recordDuesPayment.dues!.payments.map((payment) => payment.creditedBranchId)).toEqual([tree.branchA1]);
    expect(await months(tree.branchA1)).toEqual([
      ['2026-02', '127.50', '127.50', 1, 0],
      ['2026-03', '127.50', '127.50', 1, 0],
      ['2026-04', '127.50', '0.00', 1, 1],
    ]);
    expect(await months(tree.branchA2)).toEqual([
      ['2026-02', '0.00', '0.00', 0, 0],
      ['2026-03', '0.00', '0.00', 0, 0],
      ['2026-04', '0.00', '0.00', 0, 0],
    ]);

    // Entered late: Li had moved to A2 on 2026-02-15. February (credit day 02-01) stays with A1; March and April are A2's.
    const request = await server.ok(RequestTransferDocument, { input: { memberId: li, toBranchId: tree.branchA2, effectiveDate: '2026-02-10' } });
    const accept = await server.ok(AcceptTransferDocument, { input: { transferId: request.requestTransfer.transfer!.id, effectiveDate: '2026-02-15' } });
    expect(await creditedFor(li, '2026-02')).toEqual([tree.branchA1]);
    expect(await creditedFor(li, '2026-03')).toEqual([tree.branchA2]);
    expect(await months(tree.branchA1)).toEqual([
      ['2026-02', '127.50', '127.50', 1, 0],
      ['2026-03', '0.00', '0.00', 0, 0],
      ['2026-04', '0.00', '0.00', 0, 0],
    ]);
    expect(await months(tree.branchA2)).toEqual([
      ['2026-02', '0.00', '0.00', 0, 0],
      ['2026-03', '127.50', '127.50', 1, 0],
      ['2026-04', '127.50', '0.00', 1, 1],
    ]);
    // The committee over both branches sees the same figures throughout.
    const committee = (await server.ok(DuesReportDocument, { unitId: tree.committeeA, from: '2026-02', to: '2026-04' })).duesReport.totals;
    expect(committee).toEqual({ due: { amount: '382.50' }, paid: { amount: '255.00' }, outstanding: { amount: '127.50' }, membersDue: 1, membersInArrears: 1 });

    // The acceptance was a mistake: with it retracted, March is A1's again.
    await server.ok(RetractEventDocument, { input: { eventId: accept.acceptTransfer.eventIds[0], reason: 'Accepted by the wrong branch' } });
    expect(await creditedFor(li, '2026-03')).toEqual([tree.branchA1]);
    expect(await months(tree.branchA1)).toEqual([
      ['2026-02', '127.50', '127.50', 1, 0],
      ['2026-03', '127.50', '127.50', 1, 0],
      ['2026-04', '127.50', '0.00', 1, 1],
    ]);
    expect((await server.ok(DuesReportDocument, { unitId: tree.branchA2, from: '2026-02', to: '2026-04' })).duesReport.totals.membersDue).toBe(0);
  });
});
