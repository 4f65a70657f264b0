import {
  AcceptTransferDocument,
  EventsDocument,
  MemberAtDocument,
  MemberDocument,
  MembersDocument,
  RejectTransferDocument,
  RequestTransferDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { TODAY, startTestServer, type TestServer } from '../support/testServer';

/** The configured default: an unanswered transfer can be answered for 90 days after the request. */
const EXPIRY_DAYS = 90;

function plusDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

describe('member transfers over GraphQL: request, accept, reject, expiry', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const memberOn = async (id: string, asOf: string) => (await server.ok(MemberAtDocument, { id, asOf })).member!;
  const request = async (memberId: string, toBranchId: string, effectiveDate: string) =>
    (await server.ok(RequestTransferDocument, { input: { memberId, toBranchId, effectiveDate, reason: '工作调动' } })).requestTransfer;

  it('opens a requested transfer that expires 90 days after the request', async () => {
    const id = await register(server, '张三', tree.branchA1, '2016-01-01');
    const requested = await request(id, tree.branchB1, '2026-04-01');
    expect(requested.eventIds).toHaveLength(1);
    expect(requested.transfer).toEqual({
      id: expect.any(String),
      status: 'OPEN',
      fromBranchId: tree.branchA1,
      toBranchId: tree.branchB1,
      requestedOn: '2026-04-01',
      expiresOn: '2026-06-30',
    });
    expect(requested.transfer!.expiresOn).toBe(plusDays('2026-04-01', EXPIRY_DAYS));
    // Until it is answered the member stays where they were.
    const { member } = await server.ok(MemberDocument, { id });
    expect(member!.branch!.id).toBe(tree.branchA1);
    expect(member!.openTransfer).toEqual({ id: requested.transfer!.id, status: 'OPEN' });
  });

  it('accepts a transfer entered late: the member belongs to the old branch before the effective date and to the new one from it', async () => {
    const id = await register(server, '李四', tree.branchA1, '2016-01-01', tree.groupA1x);
    const requested = await request(id, tree.branchA2, '2026-03-01');
    const accepted = await server.ok(AcceptTransferDocument, { input: { transferId: requested.transfer!.id, effectiveDate: '2026-03-10' } });
    expect(accepted.acceptTransfer.transfer).toEqual({ id: requested.transfer!.id, status: 'ACCEPTED', decidedOn: '2026-03-10' });
    expect(accepted.acceptTransfer.member).toEqual({ id, branch: { id: tree.branchA2 }, group: null });

    expect((await memberOn(id, '2026-03-09')).branch).toEqual({ id: tree.branchA1 });
    expect((await memberOn(id, '2026-03-10')).branch).toEqual({ id: tree.branchA2 });
    expect((await memberOn(id, TODAY)).branch).toEqual({ id: tree.branchA2 });
    const listed = async (unitId: string, asOf: string) => (await server.ok(MembersDocument, { unitId, asOf })).members.edges.map((e) => e.node.id);
    expect([await listed(tree.branchA1, '2026-03-09'), await listed(tree.branchA2, '2026-03-09')]).toEqual([[id], []]);
    expect([await listed(tree.branchA1, '2026-03-10'), await listed(tree.branchA2, '2026-03-10')]).toEqual([[], [id]]);
    expect((await server.ok(MemberDocument, { id })).member!.openTransfer).toBeNull();
  });

  it('ends the group assignment when a transfer is accepted', async () => {
    const id = await register(server, '王五', tree.branchA1, '2016-01-01', tree.groupA1x);
    const requested = await request(id, tree.branchB1, '2026-03-01');
    await server.ok(AcceptTransferDocument, { input: { transferId: requested.transfer!.id, effectiveDate: '2026-03-10' } });
    expect((await memberOn(id, '2026-03-09')).group).toEqual({ id: tree.groupA1x });
    expect((await memberOn(id, '2026-03-10')).group).toBeNull();
    const inGroup = async (asOf: string) => (await server.ok(MembersDocument, { unitId: tree.groupA1x, asOf })).members.totalCount;
    expect([await inGroup('2026-03-09'), await inGroup('2026-03-10')]).toEqual([1, 0]);
    const { member } = await server.ok(MemberDocument, { id });
    expect(member!.memberships.at(-1)).toMatchObject({ branchId: tree.branchB1, groupId: null, validFrom: '2026-03-10', validTo: null });
  });

  it('rejects a transfer: the member stays in their branch and group and can be transferred again', async () => {
    const id = await register(server, '赵六', tree.branchA1, '2016-01-01', tree.groupA1y);
    const requested = await request(id, tree.branchB1, '2026-03-01');
    const rejected = await server.ok(RejectTransferDocument, {
      input: { transferId: requested.transfer!.id, effectiveDate: '2026-03-05', reason: '材料不全' },
    });
    expect(rejected.rejectTransfer.transfer).toEqual({ id: requested.transfer!.id, status: 'REJECTED' });
    const { member } = await server.ok(MemberDocument, { id });
    expect(member).toMatchObject({ status: 'FULL', branch: { id: tree.branchA1 }, group: { id: tree.groupA1y }, openTransfer: null });
    expect((await server.ok(MembersDocument, { unitId: tree.branchB1 })).members.totalCount).toBe(0);
    // A rejected transfer is no longer open, so a new one may be requested.
    const again = await request(id, tree.branchB1, '2026-03-06');
    expect(again.transfer!.status).toBe('OPEN');
  });

  it('refuses a second request while one is open (TRANSFER.ALREADY_OPEN)', async () => {
    const id = await register(server, '孙七', tree.branchA1, '2016-01-01');
    const first = await request(id, tree.branchA2, '2026-05-01');
    await expectRefused(
      server,
      () => server.request(RequestTransferDocument, { input: { memberId: id, toBranchId: tree.branchB1, effectiveDate: '2026-05-02' } }),
      {
        code: 'RULE_VIOLATION',
        reason: 'TRANSFER.ALREADY_OPEN',
        mentions: first.transfer!.id,
      },
    );
    expect((await server.ok(MemberDocument, { id })).member!.openTransfer).toEqual({ id: first.transfer!.id, status: 'OPEN' });
  });

  it('refuses to accept a transfer after its last day (TRANSFER.EXPIRED), but accepts it on that day', async () => {
    const late = await register(server, '周八', tree.branchA1, '2016-01-01');
    const requested = await request(late, tree.branchA2, '2026-01-01');
    expect(requested.transfer!.expiresOn).toBe('2026-04-01');
    await expectRefused(server, () => server.request(AcceptTransferDocument, { input: { transferId: requested.transfer!.id, effectiveDate: '2026-04-02' } }), {
      code: 'RULE_VIOLATION',
      reason: 'TRANSFER.EXPIRED',
      mentions: '2026-04-01',
    });
    // Answered today (default effective date), long after the last day.
    await expectRefused(server, () => server.request(AcceptTransferDocument, { input: { transferId: requested.transfer!.id } }), {
      code: 'RULE_VIOLATION',
      reason: 'TRANSFER.EXPIRED',
      mentions: '2026-04-01',
    });
    expect((await memberOn(late, TODAY)).branch).toEqual({ id: tree.branchA1 });

    const onTime = await register(server, '吴九', tree.branchA1, '2016-01-01');
    const other = await request(onTime, tree.branchA2, '2026-01-01');
    const accepted = await server.ok(AcceptTransferDocument, { input: { transferId: other.transfer!.id, effectiveDate: '2026-04-01' } });
    expect(accepted.acceptTransfer.transfer!.status).toBe('ACCEPTED');
  });

  it("lists a member's events in log order: MemberRegistered, TransferRequested, TransferAccepted", async () => {
    const id = await register(server, '郑十', tree.branchA1, '2016-01-01');
    const requested = await request(id, tree.branchB1, '2026-03-01');
    const accepted = await server.ok(AcceptTransferDocument, { input: { transferId: requested.transfer!.id, effectiveDate: '2026-03-10' } });
    const { events } = await server.ok(EventsDocument, { filter: { memberId: id } });
    expect(events.totalCount).toBe(3);
    expect(events.edges.map((e) => [e.node.type, e.node.effectiveDate])).toEqual([
      ['MemberRegistered', '2016-01-01'],
      ['TransferRequested', '2026-03-01'],
      ['TransferAccepted', '2026-03-10'],
    ]);
    const positions = events.edges.map((e) => e.node.position);
    expect([...positions].sort()).toEqual(positions);
    expect(new Set(positions).size).toBe(3);
    expect(positions[1]).toBe(requested.position);
    expect(positions[2]).toBe(accepted.acceptTransfer.position);
    expect(events.edges.every((e) => e.node.stream === `member-${id}`)).toBe(true);
  });
});
