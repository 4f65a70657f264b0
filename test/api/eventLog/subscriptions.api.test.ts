import { EventsDocument, RequestTransferDocument, AcceptTransferDocument, RenameUnitDocument } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { collect, startTestServer, type TestServer } from '../support/testServer';

const ORG_EVENTS = /* GraphQL */ `
  subscription OrgEvents($filter: EventFilter, $after: String) {
    orgEvents(filter: $filter, after: $after) {
      id
      type
      stream
      position
      effectiveDate
      data
    }
  }
`;

type OrgEvent = { orgEvents: { id: string; type: string; stream: string; position: string; effectiveDate: string | null; data: Record<string, unknown> } };

describe('orgEvents over graphql-ws: replay after a position, then live, no gap and no repeat', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
  });
  afterAll(() => server.close());

  async function logPositions(): Promise<string[]> {
    const page = await server.ok(EventsDocument, { first: 500 });
    return page.events.edges.map((edge) => edge.node.position);
  }

  it('delivers live events as they are recorded', async () => {
    const client = server.wsClient();
    const received = collect<OrgEvent>(client, ORG_EVENTS, { filter: { types: ['MemberRegistered'] } }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await register(server, '周一', tree.branchA1, '2016-01-01');
    await register(server, '周二', tree.branchA2, '2016-01-01');
    const events = await received;
    expect(events.map((e) => e.data!.orgEvents.data.name)).toEqual(['周一', '周二']);
  });

  it('replays everything after a position, then continues live, in log order with no repeat', async () => {
    const positions = await logPositions();
    const resumeAfter = positions[2];
    const expectedReplay = positions.slice(3);
    const client = server.wsClient();
    const received = collect<OrgEvent>(client, ORG_EVENTS, { after: resumeAfter }, expectedReplay.length + 2);
    // Written while the subscription may still be replaying: must arrive once, after the replay.
    await register(server, '吴三', tree.branchB1, '2016-02-01');
    await register(server, '吴四', tree.branchB1, '2016-02-01');
    const events = (await received).map((e) => e.data!.orgEvents);
    const delivered = events.map((e) => e.position);
    expect(delivered.slice(0, expectedReplay.length)).toEqual(expectedReplay);
    expect(events.slice(-2).map((e) => e.data.name)).toEqual(['吴三', '吴四']);
    expect([...delivered].sort()).toEqual(delivered);
    expect(new Set(delivered).size).toBe(delivered.length);
  });

  it('lets a client that reconnects with the last position it saw miss nothing', async () => {
    const filter = { categories: ['member'] };
    const first = server.wsClient();
    const before = await collect<OrgEvent>(first, ORG_EVENTS, { filter, after: (await logPositions())[0] }, 1);
    const lastSeen = before[0].data!.orgEvents.position;
    await first.dispose();
    const missed = await register(server, '郑五', tree.branchA1, '2016-03-01'); // while disconnected
    const expected = (await server.ok(EventsDocument, { filter, after: lastSeen, first: 500 })).events.edges.map((e) => e.node.position);
    const resumed = await collect<OrgEvent>(server.wsClient(), ORG_EVENTS, { filter, after: lastSeen }, expected.length);
    expect(resumed.map((e) => e.data!.orgEvents.position)).toEqual(expected);
    expect(resumed.map((e) => e.data!.orgEvents.data.memberId)).toContain(missed);
  });

  it('filters to a subtree: events about a unit below the filter unit, on the date they took effect', async () => {
    const client = server.wsClient();
    const received = collect<OrgEvent>(client, ORG_EVENTS, { filter: { unitId: tree.committeeB } }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await register(server, '不在子树', tree.branchA1, '2016-04-01');
    const inSubtree = await register(server, '在子树', tree.branchB1, '2016-04-01', null);
    await server.ok(RenameUnitDocument, { input: { unitId: tree.branchB1, name: '实验小学第一党支部', effectiveDate: '2016-05-01' } });
    const events = (await received).map((e) => e.data!.orgEvents);
    expect(events.map((e) => e.type)).toEqual(['MemberRegistered', 'UnitRenamed']);
    expect(events[0].data.memberId).toBe(inSubtree);
  });

  it('filters by member: both sides of a transfer reach a subscriber of that member only', async () => {
    const member = await register(server, '钱八', tree.branchA1, '2016-01-01');
    const other = await register(server, '钱九', tree.branchA1, '2016-01-01');
    const client = server.wsClient();
    const received = collect<OrgEvent>(client, ORG_EVENTS, { filter: { memberId: member } }, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.ok(RequestTransferDocument, { input: { memberId: other, toBranchId: tree.branchB1, effectiveDate: '2017-01-01' } });
    const request = await server.ok(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchB1, effectiveDate: '2017-01-01' } });
    await server.ok(AcceptTransferDocument, { input: { transferId: request.requestTransfer.transfer!.id, effectiveDate: '2017-01-05' } });
    const events = (await received).map((e) => e.data!.orgEvents);
    expect(events.map((e) => e.type)).toEqual(['TransferRequested', 'TransferAccepted']);
    expect(events.every((e) => e.data.memberId === member)).toBe(true);
  });

  it('refuses a malformed after position with BAD_USER_INPUT', async () => {
    const client = server.wsClient();
    const result = await collect<OrgEvent>(client, ORG_EVENTS, { after: 'not-a-position' }, 1).catch((error: unknown) => error);
    expect(JSON.stringify(result)).toContain('BAD_USER_INPUT');
  });
});
