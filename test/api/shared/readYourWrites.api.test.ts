import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePosition, encodePosition } from '../../../src/eventstore/position';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
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
import { collect, firstError, startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/** A well-formed position far beyond anything the log will reach in a test. */
const FAR_FUTURE = 'ffffffffffffffffffffffffffffffff';
/** How long the server waits for the read models before giving up (Projector.waitFor default). */
const READ_WAIT_MS = 10_000;

type ErrorBody = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** A BAD_USER_INPUT refusal of `position` as beyond the head, naming `field`. */
function expectBeyondHead(result: GraphQLResponse<unknown> | ErrorBody, field: string, position: string): void {
  const error = result.errors?.[0];
  expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POSITION.BEYOND_HEAD', field });
  expect(error?.message).toContain(field);
  expect(error?.message).toContain(position);
}

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

  describe('a minPosition beyond the head of the log: no event is there yet, so it is refused at once', () => {
    /** The very position the next write would get: not written yet, so beyond the head as well. */
    const nextPosition = async (): Promise<string> => encodePosition(decodePosition((await server.app.eventStore.headPosition())!).commit + 1n);

    it('as the minPosition argument: BAD_USER_INPUT naming the field, for the next position and one far beyond', async () => {
      for (const position of [await nextPosition(), FAR_FUTURE]) {
        const result = await server.request(UnitNameDocument, { id: tree.branchA1, minPosition: position });
        expectBeyondHead(result, 'minPosition', position);
        expect(result.data?.unit ?? null).toBeNull();
      }
    });

    it('as the x-min-position header: BAD_USER_INPUT with HTTP 400, naming the header', async () => {
      const position = await nextPosition();
      const response = await rawResponseText(server, `{ units { totalCount } }`, {}, { 'x-min-position': position });
      expect(response.status).toBe(400);
      expectBeyondHead(JSON.parse(response.text) as ErrorBody, 'x-min-position', position);
      expect(response.text).not.toMatch(/stacktrace|\sat\s\S+\s\(\S+:\d+:\d+\)/i);
    });

    it('over WebSocket: a query with minPosition, and an orgEvents subscription after it, are refused the same way', async () => {
      const position = await nextPosition();
      expectBeyondHead(await server.wsRequest(UnitNameDocument, { id: tree.branchA1, minPosition: position }), 'minPosition', position);
      const subscription = `subscription ($after: String) { orgEvents(after: $after) { position } }`;
      const [refused] = await collect<unknown>(server.wsClient(), subscription, { after: position }, 1);
      expectBeyondHead({ errors: refused.errors?.map((error) => ({ message: error.message, extensions: error.extensions })) }, 'after', position);
    });

    it('leaves positions at or below the head answered as before', async () => {
      const head = (await server.app.eventStore.headPosition())!;
      expect((await server.request(UnitNameDocument, { id: tree.branchA1, minPosition: head })).errors).toBeUndefined();
      expect((await server.request(UnitNameDocument, { id: tree.branchA1 }, { 'x-min-position': head })).errors).toBeUndefined();
    });
  });
});

/**
 * The log is a file that another connection writes to (as `orgtrack seed` next to a running
 * server does) and the server looks for such commits only once a minute: an event written there
 * is in the log, at or below its head, but not in the read models until the server's own next
 * write wakes the projector.
 */
describe('read your writes: a position written but not yet in the read models', () => {
  const directory = mkdtempSync(join(tmpdir(), 'orgtrack-ryw-'));
  const path = join(directory, 'events.sqlite');
  let server: TestServer;
  let writer: SqliteEventStore;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer({ eventStorePath: path, eventStorePollMs: 60_000 });
    tree = await buildTree(server);
    writer = SqliteEventStore.open({ path });
  });
  afterAll(async () => {
    await writer.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Registers a member through the other connection; returns its id and the event's position. */
  const registerElsewhere = async (name: string): Promise<{ memberId: string; position: string }> => {
    const memberId = randomUUID();
    const data = { memberId, name, branchId: tree.branchA1, groupId: null, status: 'APPLICANT', joinedOn: null };
    const metadata = { effectiveDate: '2016-01-01', recordedAt: new Date().toISOString(), actor: 'test', schemaVersion: 1 };
    const { position } = await writer.append(`member-${memberId}`, [{ id: randomUUID(), type: 'MemberRegistered', data, metadata }], 'no_stream');
    return { memberId, position };
  };

  const readersWaiting = async (count: number): Promise<void> => {
    for (let attempt = 0; attempt < 1000 && server.app.projector.readersWaiting < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.app.projector.readersWaiting).toBe(count);
  };

  it(
    'fails with TIMEOUT after a bounded wait when the read models do not get there (argument and header)',
    async () => {
      const { memberId, position } = await registerElsewhere('等不到');
      const [byArgument, byHeader] = await Promise.all([
        rawResponseText(server, `query ($id: ID!, $p: String) { member(id: $id, minPosition: $p) { id } }`, { id: memberId, p: position }),
        rawResponseText(server, `query ($id: ID!) { member(id: $id) { id } }`, { id: memberId }, { 'x-min-position': position }),
      ]);
      for (const response of [byArgument, byHeader]) {
        expect(firstError(JSON.parse(response.text) as ErrorBody)).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/retry/i) });
        expect(response.text).not.toMatch(/stacktrace|\sat\s\S+\s\(\S+:\d+:\d+\)/i);
      }
      expect(byHeader.status).toBe(503);
    },
    READ_WAIT_MS + 15_000,
  );

  it('waits until the read models include it, then answers with it (argument and header)', async () => {
    const { memberId, position } = await registerElsewhere('后来才到');
    const byArgument = server.request(MemberAtDocument, { id: memberId, minPosition: position });
    const byHeader = server.request(MemberAtDocument, { id: memberId }, { 'x-min-position': position });
    await readersWaiting(2);
    expect(server.app.projector.position! < position).toBe(true);

    // The server's own write wakes the projector, which then applies the other connection's event too.
    await server.ok(RenameUnitDocument, { input: { unitId: tree.branchB1, name: '唤醒', effectiveDate: '2020-01-01' } });
    const [argument, header] = await Promise.all([byArgument, byHeader]);
    for (const answer of [argument, header]) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.member).toMatchObject({ id: memberId, name: '后来才到' });
    }
  });
});
