import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventCountDocument, EventsDocument, MemberLeftDocument, RegisterMemberDocument, RequestTransferDocument } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { logState } from '../support/refusals';
import { firstError, startTestServer, type TestServer } from '../support/testServer';

const countOf = async (server: TestServer, type: string, memberId?: string) =>
  (await server.ok(EventCountDocument, { filter: { types: [type], ...(memberId ? { memberId } : {}) } })).events.totalCount;

describe('idempotency keys: the same key twice records once and returns the first result', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const input = (name: string, idempotencyKey: string, branchId = tree.branchA1) => ({
    name,
    branchId,
    status: 'FULL' as const,
    joinedOn: '2001-07-01',
    effectiveDate: '2016-01-01',
    idempotencyKey,
  });

  it('records a retried registerMember once and answers the retry with the first eventIds, position and member', async () => {
    const key = `register-${randomUUID()}`;
    const registeredBefore = await countOf(server, 'MemberRegistered');
    const first = (await server.ok(RegisterMemberDocument, { input: input('张三', key) })).registerMember;
    const stateAfterFirst = await logState(server);
    const second = (await server.ok(RegisterMemberDocument, { input: input('张三', key) })).registerMember;

    expect(first.eventIds).toHaveLength(1);
    expect(second.eventIds).toEqual(first.eventIds);
    expect(second.position).toBe(first.position);
    expect(second.version).toBe(first.version);
    expect(second.member).toEqual(first.member);
    expect(await countOf(server, 'MemberRegistered')).toBe(registeredBefore + 1);
    expect(await countOf(server, 'MemberRegistered', first.member!.id)).toBe(1);
    // The retry wrote nothing at all, not even bookkeeping.
    expect(await logState(server)).toEqual(stateAfterFirst);
    const { events } = await server.ok(EventsDocument, { filter: { types: ['MemberRegistered'] }, first: 500 });
    expect(events.edges.filter((e) => e.node.data.name === '张三' && e.node.data.branchId === tree.branchA1)).toHaveLength(1);
  });

  it('records once when the same key arrives several times at once, and every duplicate waits for the first call and answers with its result', async () => {
    const key = `concurrent-${randomUUID()}`;
    const registeredBefore = await countOf(server, 'MemberRegistered');
    const results = await Promise.all(Array.from({ length: 5 }, () => server.request(RegisterMemberDocument, { input: input('并发', key) })));
    expect(results.map((result) => result.errors)).toEqual(results.map(() => undefined));
    const answered = results.map((result) => result.data!.registerMember);
    for (const payload of answered)
      expect({ eventIds: payload.eventIds, member: payload.member }).toEqual({ eventIds: answered[0].eventIds, member: answered[0].member });
    expect(await countOf(server, 'MemberRegistered')).toBe(registeredBefore + 1);
    const retried = await server.ok(RegisterMemberDocument, { input: input('并发', key) });
    expect(retried.registerMember.eventIds).toEqual(answered[0].eventIds);
  });

  it('a duplicate over the WebSocket waits for the first call over HTTP and answers with its result', async () => {
    const key = `ws-${randomUUID()}`;
    const [overHttp, overWs] = await Promise.all([
      server.request(RegisterMemberDocument, { input: input('双通道', key) }),
      server.wsRequest(RegisterMemberDocument, { input: input('双通道', key) }),
    ]);
    expect(overWs.errors).toBeUndefined();
    expect(overWs.data!.registerMember.eventIds).toEqual(overHttp.data!.registerMember.eventIds);
  });

  it('answers a retried memberLeft with the first result instead of refusing a member who has already left', async () => {
    const member = await register(server, '李四', tree.branchA1, '2016-01-01');
    const key = `left-${randomUUID()}`;
    const leave = () =>
      server.request(MemberLeftDocument, { input: { memberId: member, reason: 'WITHDREW', effectiveDate: '2020-01-01', idempotencyKey: key } });
    const first = await leave();
    const second = await leave();
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.memberLeft.eventIds).toEqual(first.data!.memberLeft.eventIds);
    expect(await countOf(server, 'MemberLeft', member)).toBe(1);
    // Without the key the same command is a new one, and is refused.
    const again = await server.request(MemberLeftDocument, { input: { memberId: member, reason: 'WITHDREW', effectiveDate: '2020-01-01' } });
    expect(again.errors![0].extensions!.reason).toBe('MEMBER.HAS_LEFT');
  });

  it('returns the same transfer to a retried requestTransfer', async () => {
    const member = await register(server, '王五', tree.branchA1, '2016-01-01');
    const key = `transfer-${randomUUID()}`;
    const request = () =>
      server.ok(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchB1, effectiveDate: '2026-05-01', idempotencyKey: key } });
    const first = (await request()).requestTransfer;
    const second = (await request()).requestTransfer;
    expect(second.transfer!.id).toBe(first.transfer!.id);
    expect(second.eventIds).toEqual(first.eventIds);
    expect(await countOf(server, 'TransferRequested', member)).toBe(1);
  });

  it('does not burn the key on a refused command: a retry with the same key and a corrected input succeeds', async () => {
    const key = `refused-${randomUUID()}`;
    const unknownBranch = randomUUID();
    const refused = await server.request(RegisterMemberDocument, { input: input('赵六', key, unknownBranch) });
    expect(firstError(refused)).toMatchObject({ code: 'NOT_FOUND', field: 'input.branchId' });
    // The refusal is not remembered as the key's result: the same bad input is judged again.
    const refusedAgain = await server.request(RegisterMemberDocument, { input: input('赵六', key, unknownBranch) });
    expect(firstError(refusedAgain)).toMatchObject({ code: 'NOT_FOUND', field: 'input.branchId' });

    const corrected = await server.request(RegisterMemberDocument, { input: input('赵六', key) });
    expect(corrected.errors).toBeUndefined();
    const member = corrected.data!.registerMember.member!;
    expect(member).toMatchObject({ name: '赵六', branch: { id: tree.branchA1 } });
    // From now on the key belongs to the corrected input.
    const retried = await server.ok(RegisterMemberDocument, { input: input('赵六', key) });
    expect(retried.registerMember.eventIds).toEqual(corrected.data!.registerMember.eventIds);
    expect(await countOf(server, 'MemberRegistered', member.id)).toBe(1);
  });
});

describe('idempotency keys survive a restart of the service', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-idempotency-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers a retry after a restart on the same SQLite file with the first result, recording nothing new', async () => {
    const eventStorePath = path.join(dir, 'events.sqlite');
    const key = `restart-${randomUUID()}`;

    const before = await startTestServer({ eventStorePath });
    let first;
    let branchId: string;
    try {
      branchId = (await buildTree(before)).branchA1;
      first = (
        await before.ok(RegisterMemberDocument, {
          input: { name: '孙七', branchId, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01', idempotencyKey: key },
        })
      ).registerMember;
    } finally {
      await before.close();
    }

    const after = await startTestServer({ eventStorePath, adminKey: before.adminKey });
    try {
      const head = await after.app.eventStore.headPosition();
      const retried = (
        await after.ok(RegisterMemberDocument, {
          input: { name: '孙七', branchId, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01', idempotencyKey: key },
        })
      ).registerMember;
      expect(retried.eventIds).toEqual(first.eventIds);
      expect(retried.position).toBe(first.position);
      expect(retried.member).toEqual(first.member);
      expect(await after.app.eventStore.headPosition()).toBe(head);
      expect(await countOf(after, 'MemberRegistered')).toBe(1);

      // The same key with another input is still refused after the restart.
      const reused = await after.request(RegisterMemberDocument, {
        input: { name: '周八', branchId, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01', idempotencyKey: key },
      });
      expect(firstError(reused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    } finally {
      await after.close();
    }
  });
});
