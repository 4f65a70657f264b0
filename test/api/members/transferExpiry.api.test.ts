import { EventsDocument, MemberDocument, RequestTransferDocument } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/testServer';

describe('unanswered transfers expire', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
  });
  afterAll(() => server.close());

  it('records TransferExpired the day after the last day to answer, once, and frees the member for a new request', async () => {
    const member = await register(server, '过期', tree.branchA1, '2016-01-01');
    const fresh = await register(server, '未过期', tree.branchA1, '2016-01-01');
    const overdue = await server.ok(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchB1, effectiveDate: '2026-01-02' } });
    await server.ok(RequestTransferDocument, { input: { memberId: fresh, toBranchId: tree.branchB1, effectiveDate: '2026-06-01' } });
    expect(overdue.requestTransfer.transfer!.expiresOn).toBe('2026-04-02');

    expect(await server.app.transferExpiry.sweep()).toBe(1);
    expect(await server.app.transferExpiry.sweep()).toBe(0);

    const expired = await server.ok(EventsDocument, { filter: { types: ['TransferExpired'] } });
    expect(expired.events.edges.map((e) => [e.node.data.memberId, e.node.effectiveDate])).toEqual([[member, '2026-04-03']]);
    expect((await server.ok(MemberDocument, { id: member })).member!.openTransfer).toBeNull();
    expect((await server.ok(MemberDocument, { id: fresh })).member!.openTransfer!.status).toBe('OPEN');
    const again = await server.request(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchB1 } });
    expect(again.errors).toBeUndefined();
  });
});
