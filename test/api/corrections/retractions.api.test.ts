import { randomUUID } from 'node:crypto';
import {
  AcceptTransferDocument,
  DuesReportDocument,
  MemberCountOnDocument,
  MemberDocument,
  MemberDuesDocument,
  OrgEventsDocument,
  RecordDuesPaymentDocument,
  RequestTransferDocument,
  RetractEventDocument,
  RetractionLogDocument,
  SetDuesBaseDocument,
  type OrgEventsSubscription,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { collect, startTestServer, type TestServer } from '../support/testServer';
import { print } from 'graphql';

describe('retracting recorded events over GraphQL', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const retract = (eventId: string, reason = 'Entered in error') => server.ok(RetractEventDocument, { input: { eventId, reason } });

  async function transferred(memberId: string): Promise<{ requestId: string; acceptId: string }> {
    const request = await server.ok(RequestTransferDocument, { input: { memberId, toBranchId: tree.branchA2, effectiveDate: '2026-02-10' } });
    const accept = await server.ok(AcceptTransferDocument, { input: { transferId: request.requestTransfer.transfer!.id, effectiveDate: '2026-02-15' } });
    return { requestId: request.requestTransfer.eventIds[0], acceptId: accept.acceptTransfer.eventIds[0] };
  }

  it('a retracted transfer puts the member back on every date, and the log keeps both events, linked', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    const { requestId, acceptId } = await transferred(li);
    expect((await server.ok(MemberDocument, { id: li, asOf: '2026-03-01' })).member!.branch!.id).toBe(tree.branchA2);

    const result = await retract(acceptId, 'Accepted by the wrong branch');
    expect(result.retractEvent.retracted).toMatchObject({
      id: acceptId,
      type: 'TransferAccepted',
      retractedBy: {
        id: result.retractEvent.eventIds[0],
        type: 'EventRetracted',
        effectiveDate: '2026-02-15',
        data: { eventId: acceptId, eventType: 'TransferAccepted', reason: 'Accepted by the wrong branch' },
      },
    });

    const member = (await server.ok(MemberDocument, { id: li, asOf: '2026-03-01' })).member!;
    expect(member.branch!.id).toBe(tree.branchA1);
    expect(member.memberships.map((m) => [m.branchId, m.validFrom, m.validTo])).toEqual([[tree.branchA1, '2024-01-10', null]]);
    // The request stands again, unanswered.
    expect(member.openTransfer).toMatchObject({ status: 'OPEN' });
    expect((await server.ok(MemberCountOnDocument, { id: tree.branchA2, asOf: '2026-03-01' })).unit!.memberCount).toBe(0);
    expect((await server.ok(MemberCountOnDocument, { id: tree.branchA1, asOf: '2026-03-01' })).unit!.memberCount).toBe(1);

    const log = (await server.ok(RetractionLogDocument, { filter: { memberId: li } })).events.edges.map((edge) => edge.node);
    expect(log.map((event) => [event.type, event.retractedBy?.id ?? null, event.retracts?.id ?? null])).toEqual([
      ['MemberRegistered', null, null],
      ['TransferRequested', null, null],
      ['TransferAccepted', result.retractEvent.eventIds[0], null],
      ['EventRetracted', null, acceptId],
    ]);
    // With the acceptance gone, the request itself can be withdrawn.
    await retract(requestId);
    expect((await server.ok(MemberDocument, { id: li, asOf: '2026-03-01' })).member!.openTransfer).toBeNull();
  });

  it("a retracted payment reopens the period, in the member's dues and in the report", async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    await server.ok(SetDuesBaseDocument, { input: { memberId: li, category: 'EMPLOYED', monthlyIncome: '8500', effectiveDate: '2024-01-10' } });
    const paid = await server.ok(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-01', amount: '127.50', effectiveDate: '2026-01-20' } });
    await retract(paid.recordDuesPayment.eventIds[0], 'Booked to the wrong member');
    const dues = (await server.ok(MemberDuesDocument, { id: li, from: '2026-01', to: '2026-01' })).member!.dues[0];
    expect([dues.paid.amount, dues.outstanding.amount, dues.payments.length]).toEqual(['0.00', '127.50', 0]);
    const report = (await server.ok(DuesReportDocument, { unitId: tree.committeeA, from: '2026-01', to: '2026-01' })).duesReport;
    expect([report.totals.paid.amount, report.totals.membersInArrears]).toEqual(['0.00', 1]);
    // The period can be paid again, as if the wrong payment had never been booked.
    await server.ok(RecordDuesPaymentDocument, { input: { memberId: li, period: '2026-01', amount: '127.50', effectiveDate: '2026-01-25' } });
  });

  it('subscribers receive the retraction with the subjects of the event it withdraws', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    const { acceptId } = await transferred(li);
    const head = (await server.ok(RetractionLogDocument, { filter: { memberId: li } })).events.totalCount;
    expect(head).toBe(3);
    const client = server.wsClient();
    try {
      const received = collect<OrgEventsSubscription>(client, print(OrgEventsDocument), { filter: { unitId: tree.branchA2, types: ['EventRetracted'] } }, 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await retract(acceptId);
      const [event] = await received;
      expect(event.data!.orgEvents).toMatchObject({ type: 'EventRetracted', data: { eventId: acceptId } });
    } finally {
      await client.dispose();
    }
  });

  it('refuses what would leave the history inconsistent, naming the rule, writing nothing', async () => {
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    const { requestId, acceptId } = await transferred(li);
    const established = (await server.ok(RetractionLogDocument, { filter: { unitId: tree.branchA1, types: ['UnitEstablished'] } })).events.edges[0].node;

    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: established.id, reason: 'Wrong' } }), {
      code: 'RULE_VIOLATION',
      reason: 'RETRACTION.HAS_DEPENDENTS',
      field: 'input.eventId',
      mentions: [established.id, 'MemberRegistered'],
    });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: requestId, reason: 'Wrong' } }), {
      code: 'RULE_VIOLATION',
      reason: 'RETRACTION.HAS_DEPENDENTS',
      mentions: ['TransferAccepted', acceptId],
    });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: randomUUID(), reason: 'Wrong' } }), {
      code: 'NOT_FOUND',
      reason: 'RETRACTION.EVENT_NOT_FOUND',
      field: 'input.eventId',
      mentions: 'input.eventId',
    });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: acceptId, reason: ' ' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'RETRACTION.REASON_REQUIRED',
      field: 'input.reason',
      mentions: 'input.reason',
    });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: acceptId, reason: 'Wrong', effectiveDate: '2026-03-01' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'RETRACTION.EFFECTIVE_DATE',
      field: 'input.effectiveDate',
      mentions: '2026-02-15',
    });
    const retraction = (await retract(acceptId)).retractEvent.eventIds[0];
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: retraction, reason: 'Undo' } }), {
      code: 'RULE_VIOLATION',
      reason: 'RETRACTION.OF_RETRACTION',
      mentions: retraction,
    });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: acceptId, reason: 'Again' } }), {
      code: 'RULE_VIOLATION',
      reason: 'RETRACTION.ALREADY_RETRACTED',
      mentions: retraction,
    });
  });
});
