import { decodePosition, encodePosition } from '../../../src/eventstore/position';
import {
  AcceptTransferDocument,
  EventCountDocument,
  EventsDocument,
  MemberAtDocument,
  MembersAtDocument,
  RegisterMemberDocument,
  RenameUnitDocument,
  RequestTransferDocument,
  UnitNameDocument,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { rawResponseText } from '../support/refusals';
import { firstError, startTestServer, type TestServer } from '../support/testServer';

/** A well-formed position far beyond anything the log will reach in a test. */
const FAR_FUTURE = 'ffffffffffffffffffffffffffffffff';
/** How long the server waits for the read models before giving up (Projector.waitFor default). */
const READ_WAIT_MS = 10_000;

describe('read your writes: payloads, minPosition and x-min-position', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  /** The position the next single-event write will get (the test server's log is SQLite: one sequence). */
  const nextPosition = async () => {
    const head = await server.app.eventStore.headPosition();
    return encodePosition((head ? decodePosition(head).commit : 0n) + 1n);
  };

  it("shows the write in the mutation's own payload, and in an ordinary query right after it", async () => {
    const registered = (
      await server.ok(RegisterMemberDocument, {
        input: { name: '张三', branchId: tree.branchA1, groupId: tree.groupA1x, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01' },
      })
    ).registerMember;
    expect(registered.member).toMatchObject({ name: '张三', branch: { id: tree.branchA1 }, group: { id: tree.groupA1x } });
    const id = registered.member!.id;
    expect((await server.ok(MembersAtDocument, { unitId: tree.branchA1 })).members.edges.map((e) => e.node.id)).toEqual([id]);
    const { events } = await server.ok(EventsDocument, { filter: { memberId: id } });
    expect(events.edges.map((e) => e.node.position)).toEqual([registered.position]);

    const renamed = (await server.ok(RenameUnitDocument, { input: { unitId: tree.branchA2, name: '改名党支部', effectiveDate: '2020-01-01' } })).renameUnit;
    expect(renamed.unit).toEqual({ id: tree.branchA2, name: '改名党支部' });
    expect((await server.ok(UnitNameDocument, { id: tree.branchA2 })).unit!.name).toBe('改名党支部');

    // A late-dated acceptance: the payload shows the member as of its effective date, in the new branch.
    const requested = (await server.ok(RequestTransferDocument, { input: { memberId: id, toBranchId: tree.branchB1, effectiveDate: '2026-01-05' } }))
      .requestTransfer;
    expect(requested.transfer!.status).toBe('OPEN');
    const accepted = (await server.ok(AcceptTransferDocument, { input: { transferId: requested.transfer!.id, effectiveDate: '2026-01-10' } })).acceptTransfer;
    expect(accepted.member).toEqual({ id, branch: { id: tree.branchB1 }, group: null });
    expect(accepted.transfer!.status).toBe('ACCEPTED');
  });

  it('answers a query with minPosition (argument) or x-min-position (header) set to the payload position with the write included', async () => {
    const registered = (
      await server.ok(RegisterMemberDocument, {
        input: { name: '李四', branchId: tree.branchA2, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01' },
      })
    ).registerMember;
    const id = registered.member!.id;
    const position = registered.position;

    const byArgument = await server.request(MemberAtDocument, { id, minPosition: position });
    expect(byArgument.errors).toBeUndefined();
    expect(byArgument.data!.member).toMatchObject({ id, name: '李四', branch: { id: tree.branchA2 } });
    const listed = await server.request(MembersAtDocument, { unitId: tree.branchA2, minPosition: position });
    expect(listed.data!.members.edges.map((e) => e.node.id)).toEqual([id]);
    const counted = await server.request(EventCountDocument, { filter: { memberId: id }, minPosition: position });
    expect(counted.data!.events.totalCount).toBe(1);

    const byHeader = await server.request(MemberAtDocument, { id }, { 'x-min-position': position });
    expect(byHeader.errors).toBeUndefined();
    expect(byHeader.data!.member).toMatchObject({ id, name: '李四', branch: { id: tree.branchA2 } });
  });

  it('waits for a position the read models have not reached yet instead of answering early (argument and header)', async () => {
    const position = await nextPosition();
    // Both queries are sent before the write exists; they must hold their answer until it is applied.
    const byArgument = server.request(UnitNameDocument, { id: tree.branchB1, minPosition: position });
    const byHeader = server.request(UnitNameDocument, { id: tree.branchB1 }, { 'x-min-position': position });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const renamed = (await server.ok(RenameUnitDocument, { input: { unitId: tree.branchB1, name: '后来的名字', effectiveDate: '2020-01-01' } })).renameUnit;
    expect(renamed.position).toBe(position);
    const [argument, header] = await Promise.all([byArgument, byHeader]);
    expect(argument.errors).toBeUndefined();
    expect(argument.data!.unit!.name).toBe('后来的名字');
    expect(header.errors).toBeUndefined();
    expect(header.data!.unit!.name).toBe('后来的名字');
  });

  describe('a minPosition the log never reaches', () => {
    type Timed = { status: number; text: string; ms: number };
    let byArgument: Promise<Timed>;
    let byHeader: Promise<Timed>;

    // Both requests wait at the same time, so the file pays the server's wait only once.
    beforeAll(() => {
      const started = Date.now();
      const timed = (response: Promise<{ status: number; text: string }>): Promise<Timed> => response.then((r) => ({ ...r, ms: Date.now() - started }));
      byArgument = timed(rawResponseText(server, `query ($p: String) { units(minPosition: $p) { totalCount } }`, { p: FAR_FUTURE }));
      byHeader = timed(rawResponseText(server, `{ units { totalCount } }`, {}, { 'x-min-position': FAR_FUTURE }));
    });

    const expectTimeout = (response: Timed) => {
      const body = JSON.parse(response.text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(firstError(body)).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/retry/i) });
      expect(response.text).not.toMatch(/stacktrace|\sat\s\S+\s\(\S+:\d+:\d+\)/i);
      expect(response.ms).toBeGreaterThanOrEqual(READ_WAIT_MS - 500);
      expect(response.ms).toBeLessThan(READ_WAIT_MS + 5_000);
    };

    it(
      'as the minPosition argument: fails with TIMEOUT after a bounded wait instead of hanging',
      async () => expectTimeout(await byArgument),
      READ_WAIT_MS + 15_000,
    );

    it(
      'as the x-min-position header: fails with TIMEOUT after a bounded wait instead of hanging',
      async () => expectTimeout(await byHeader),
      READ_WAIT_MS + 15_000,
    );

    it(
      'leaves the server answering normally afterwards',
      async () => {
        await Promise.allSettled([byArgument, byHeader]);
        expect((await server.request(UnitNameDocument, { id: tree.branchA1 })).errors).toBeUndefined();
      },
      READ_WAIT_MS + 15_000,
    );
  });

  it('includes the writes of other requests that minPosition covers (a later position covers earlier writes)', async () => {
    const first = await register(server, '王五', tree.branchB1, '2016-01-01');
    const second = (
      await server.ok(RegisterMemberDocument, {
        input: { name: '赵六', branchId: tree.branchB1, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01' },
      })
    ).registerMember;
    const { members } = (await server.request(MembersAtDocument, { unitId: tree.branchB1, minPosition: second.position })).data!;
    expect(members.edges.map((e) => e.node.id).sort()).toEqual([first, second.member!.id].sort());
  });
});
