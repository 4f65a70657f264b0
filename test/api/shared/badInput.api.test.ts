import { randomUUID } from 'node:crypto';
import {
  AcceptTransferDocument,
  EstablishUnitDocument,
  EventsDocument,
  MemberLeftDocument,
  MembersDocument,
  RegisterMemberDocument,
  RenameUnitDocument,
  RequestTransferDocument,
  UnitNameDocument,
  UnitsDocument,
} from '../generated/graphql';
import { buildTree, establish, register, type Tree } from '../support/fixtures';
import { expectRefused, rawResponseText } from '../support/refusals';
import { TODAY, startTestServer, type TestServer } from '../support/testServer';

/** Dates people type that are not dates: malformed, impossible day, impossible month, a word. */
const BAD_DATES = ['2023-02-30', '2023-13-01', 'yesterday', '2023-2-3', ''];

describe('bad input is refused with a clear error naming the field, and nothing is written', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const unknownId = () => randomUUID();
  const registerInput = (overrides: Record<string, unknown> = {}) => ({
    name: '张三',
    branchId: tree.branchA1,
    status: 'FULL' as const,
    joinedOn: '2001-07-01',
    effectiveDate: '2016-01-01',
    ...overrides,
  });

  describe('unknown ids → NOT_FOUND', () => {
    it('refuses establishUnit under an unknown parentId', async () => {
      await expectRefused(
        server,
        () => server.request(EstablishUnitDocument, { input: { level: 'COMMITTEE', name: '新党委', parentId: unknownId(), effectiveDate: '2016-01-01' } }),
        {
          code: 'NOT_FOUND',
          reason: 'UNIT.PARENT_NOT_FOUND',
          field: 'input.parentId',
          mentions: 'parentId',
        },
      );
    });

    it('refuses registerMember in an unknown branchId', async () => {
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ branchId: unknownId() }) }), {
        code: 'NOT_FOUND',
        field: 'input.branchId',
        mentions: 'branchId',
      });
    });

    it('refuses registerMember in an unknown groupId', async () => {
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ groupId: unknownId() }) }), {
        code: 'NOT_FOUND',
        field: 'input.groupId',
        mentions: 'groupId',
      });
    });

    it('refuses acceptTransfer of an unknown transferId', async () => {
      await expectRefused(server, () => server.request(AcceptTransferDocument, { input: { transferId: unknownId() } }), {
        code: 'NOT_FOUND',
        reason: 'TRANSFER.NOT_FOUND',
        field: 'input.transferId',
        mentions: 'transferId',
      });
    });

    it('answers members(unitId: unknown) with NOT_FOUND', async () => {
      await expectRefused(server, () => server.request(MembersDocument, { unitId: unknownId() }), { code: 'NOT_FOUND', field: 'unitId', mentions: 'unitId' });
    });
  });

  describe('broken rules → RULE_VIOLATION', () => {
    it('refuses a BRANCH directly under a DISTRICT (a parent of the wrong level)', async () => {
      await expectRefused(
        server,
        () => server.request(EstablishUnitDocument, { input: { level: 'BRANCH', name: '直属党支部', parentId: tree.district, effectiveDate: '2016-01-01' } }),
        {
          code: 'RULE_VIOLATION',
          reason: 'UNIT.PARENT_WRONG_LEVEL',
          field: 'input.parentId',
          mentions: ['parentId', 'COMMITTEE'],
        },
      );
    });

    it('refuses a transfer to a GROUP', async () => {
      const member = await register(server, '李四', tree.branchA1, '2016-01-01');
      await expectRefused(
        server,
        () => server.request(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.groupA2x, effectiveDate: '2026-01-01' } }),
        {
          code: 'RULE_VIOLATION',
          reason: 'TRANSFER.NOT_A_BRANCH',
          field: 'input.toBranchId',
          mentions: 'toBranchId',
        },
      );
    });

    it('refuses a transfer to the branch the member already belongs to', async () => {
      const member = await register(server, '王五', tree.branchA1, '2016-01-01');
      await expectRefused(
        server,
        () => server.request(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchA1, effectiveDate: '2026-01-01' } }),
        {
          code: 'RULE_VIOLATION',
          reason: 'TRANSFER.SAME_BRANCH',
          field: 'input.toBranchId',
          mentions: 'toBranchId',
        },
      );
    });

    it('refuses a transfer of a member who has left', async () => {
      const member = await register(server, '赵六', tree.branchA1, '2016-01-01');
      await server.ok(MemberLeftDocument, { input: { memberId: member, reason: 'DIED', effectiveDate: '2020-01-01' } });
      await expectRefused(
        server,
        () => server.request(RequestTransferDocument, { input: { memberId: member, toBranchId: tree.branchA2, effectiveDate: '2026-01-01' } }),
        {
          code: 'RULE_VIOLATION',
          reason: 'MEMBER.HAS_LEFT',
          field: 'input.memberId',
          mentions: 'left',
        },
      );
    });
  });

  describe('dates', () => {
    it.each(BAD_DATES)('refuses effectiveDate %j given as a variable with BAD_USER_INPUT naming effectiveDate', async (bad) => {
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ effectiveDate: bad }) }), {
        code: 'BAD_USER_INPUT',
        mentions: 'effectiveDate',
      });
    });

    it.each(BAD_DATES)('refuses effectiveDate %j given as an inline literal with BAD_USER_INPUT naming input.effectiveDate', async (bad) => {
      const query = `mutation {
        registerMember(input: { name: "张三", branchId: "${tree.branchA1}", status: FULL, joinedOn: "2001-07-01", effectiveDate: ${JSON.stringify(bad)} }) {
          eventIds
        }
      }`;
      await expectRefused(server, () => server.raw(query), { code: 'BAD_USER_INPUT', field: 'input.effectiveDate', mentions: 'effectiveDate' });
    });

    it('refuses an impossible asOf date given inline in a query, naming asOf', async () => {
      await expectRefused(server, () => server.raw(`{ members(unitId: "${tree.branchA1}", asOf: "2023-02-30") { totalCount } }`), {
        code: 'BAD_USER_INPUT',
        mentions: 'asOf',
      });
    });

    it('refuses an effective date after today', async () => {
      const tomorrow = '2026-06-16';
      expect(tomorrow > TODAY).toBe(true);
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ effectiveDate: tomorrow }) }), {
        code: 'BAD_USER_INPUT',
        reason: 'DATE.IN_FUTURE',
        field: 'input.effectiveDate',
        mentions: ['effectiveDate', tomorrow],
      });
      await expectRefused(
        server,
        () => server.request(RenameUnitDocument, { input: { unitId: tree.branchA1, name: '未来党支部', effectiveDate: '2030-01-01' } }),
        {
          code: 'BAD_USER_INPUT',
          field: 'input.effectiveDate',
          mentions: 'effectiveDate',
        },
      );
    });
  });

  describe('names', () => {
    it.each([
      ['empty', ''],
      ['blank', '   '],
    ])('refuses an %s name naming input.name', async (_label, name) => {
      await expectRefused(
        server,
        () => server.request(EstablishUnitDocument, { input: { level: 'COMMITTEE', name, parentId: tree.district, effectiveDate: '2016-01-01' } }),
        {
          code: 'BAD_USER_INPUT',
          field: 'input.name',
          mentions: 'input.name',
        },
      );
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ name }) }), {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        mentions: 'input.name',
      });
    });

    it('refuses a 10,000-character name naming input.name, without echoing it back', async () => {
      const name = '党'.repeat(10_000);
      const unit = await expectRefused(
        server,
        () => server.request(EstablishUnitDocument, { input: { level: 'COMMITTEE', name, parentId: tree.district, effectiveDate: '2016-01-01' } }),
        { code: 'BAD_USER_INPUT', field: 'input.name', mentions: 'input.name' },
      );
      expect(JSON.stringify(unit).length).toBeLessThan(2_000);
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ name }) }), {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        mentions: 'input.name',
      });
      await expectRefused(server, () => server.request(RenameUnitDocument, { input: { unitId: tree.branchA1, name } }), {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        mentions: 'input.name',
      });
    });
  });

  describe('names that look empty or are not what they show', () => {
    it.each([
      ['only a zero-width space', '\u200b', 'visible'],
      ['only invisible characters and spaces', ' \u200b\ufeff ', 'visible'],
      ['a right-to-left override', '张三\u202e', 'bidirectional'],
      ['a lone surrogate', '张\ud800三', 'broken'],
    ])('refuses a name of %s, naming input.name, over HTTP and WebSocket', async (_what, name, mentions) => {
      const expected = { code: 'BAD_USER_INPUT', field: 'input.name', mentions: ['input.name', mentions] };
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ name }) }), expected);
      await expectRefused(server, () => server.request(RenameUnitDocument, { input: { unitId: tree.branchA1, name } }), expected);
      await expectRefused(server, () => server.wsRequest(RegisterMemberDocument, { input: registerInput({ name }) }), expected);
    });
  });

  it('refuses an empty idempotencyKey instead of recording without one', async () => {
    for (const idempotencyKey of ['', '  ']) {
      await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ name: '孙一', idempotencyKey }) }), {
        code: 'BAD_USER_INPUT',
        reason: 'IDEMPOTENCY.EMPTY_KEY',
        field: 'input.idempotencyKey',
        mentions: 'idempotencyKey',
      });
    }
  });

  it('refuses a stale expectedVersion with CONFLICT; the version from the last payload is accepted', async () => {
    const unit = await establish(server, 'BRANCH', '旧名党支部', tree.committeeB, '2016-01-01');
    const renamed = await server.ok(RenameUnitDocument, { input: { unitId: unit, name: '新名党支部', effectiveDate: '2018-01-01' } });
    const version = renamed.renameUnit.version;
    expect(version).toBeGreaterThan(0);
    await expectRefused(
      server,
      () => server.request(RenameUnitDocument, { input: { unitId: unit, name: '又一名党支部', expectedVersion: 0, effectiveDate: '2019-01-01' } }),
      {
        code: 'CONFLICT',
        reason: 'VERSION.STALE',
        field: 'input.expectedVersion',
        mentions: ['expectedVersion', `version ${version}`],
      },
    );
    expect((await server.ok(UnitNameDocument, { id: unit })).unit!.name).toBe('新名党支部');
    const again = await server.ok(RenameUnitDocument, { input: { unitId: unit, name: '又一名党支部', expectedVersion: version, effectiveDate: '2019-01-01' } });
    expect(again.renameUnit).toMatchObject({ version: version + 1, unit: { name: '又一名党支部' } });
  });

  it('refuses the same idempotencyKey with a different input', async () => {
    const idempotencyKey = `key-${randomUUID()}`;
    await server.ok(RegisterMemberDocument, { input: registerInput({ name: '钱一', idempotencyKey }) });
    await expectRefused(server, () => server.request(RegisterMemberDocument, { input: registerInput({ name: '钱二', idempotencyKey }) }), {
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY.KEY_REUSED',
      field: 'input.idempotencyKey',
      mentions: 'idempotencyKey',
    });
  });

  describe('paging arguments', () => {
    it('takes after: null on events as no after, as for every other nullable argument', async () => {
      const withNull = await server.request(EventsDocument, { after: null, first: 3 });
      expect(withNull.errors).toBeUndefined();
      expect(withNull.data).toEqual((await server.request(EventsDocument, { first: 3 })).data);
      expect(withNull.data?.events.edges).toHaveLength(3);
    });

    it.each([501, -1])('refuses first: %d on units, members and events', async (first) => {
      const expected = { code: 'BAD_USER_INPUT', mentions: 'first', field: 'first' };
      await expectRefused(server, () => server.request(UnitsDocument, { first }), expected);
      await expectRefused(server, () => server.request(MembersDocument, { unitId: tree.branchA1, first }), expected);
      await expectRefused(server, () => server.request(EventsDocument, { first }), expected);
    });

    it('accepts first: 500, the maximum', async () => {
      expect((await server.request(EventsDocument, { first: 500 })).errors).toBeUndefined();
    });

    it.each(['not-a-cursor', Buffer.from('[1,2,3]').toString('base64url'), '%%%'])('refuses a malformed after cursor %j', async (after) => {
      const expected = { code: 'BAD_USER_INPUT', mentions: 'after', field: 'after' };
      await expectRefused(server, () => server.request(UnitsDocument, { after }), expected);
      await expectRefused(server, () => server.request(MembersDocument, { unitId: tree.branchA1, after }), expected);
      await expectRefused(server, () => server.request(EventsDocument, { after }), expected);
    });

    it.each(['abc', '12', '0'.repeat(33), 'g'.repeat(32)])('refuses a malformed minPosition %j', async (minPosition) => {
      const expected = { code: 'BAD_USER_INPUT', mentions: 'minPosition', field: 'minPosition' };
      await expectRefused(server, () => server.request(UnitNameDocument, { id: tree.branchA1, minPosition }), expected);
      await expectRefused(server, () => server.raw(`query ($p: String) { events(minPosition: $p) { totalCount } }`, { p: minPosition }), expected);
    });

    it('refuses a malformed x-min-position header', async () => {
      await expectRefused(server, () => server.request(UnitNameDocument, { id: tree.branchA1 }, { 'x-min-position': 'not-a-position' }), {
        code: 'BAD_USER_INPUT',
        mentions: 'x-min-position',
        field: 'x-min-position',
      });
    });
  });

  it('never sends a stack trace in an error response', async () => {
    const responses = [
      // a domain rule
      await rawResponseText(
        server,
        `mutation { establishUnit(input: { level: BRANCH, name: "x", parentId: "${tree.district}", effectiveDate: "2016-01-01" }) { eventIds } }`,
      ),
      // not found
      await rawResponseText(server, `{ members(unitId: "${unknownId()}") { totalCount } }`),
      // a variable the Date scalar refuses
      await rawResponseText(server, `mutation ($d: Date) { renameUnit(input: { unitId: "${tree.branchA1}", name: "y", effectiveDate: $d }) { eventIds } }`, {
        d: '2023-02-30',
      }),
      // an inline literal the Date scalar refuses
      await rawResponseText(server, `mutation { renameUnit(input: { unitId: "${tree.branchA1}", name: "y", effectiveDate: "yesterday" }) { eventIds } }`),
      // a syntax error and an unknown field
      await rawResponseText(server, `{ units(first: ) { totalCount }`),
      await rawResponseText(server, `{ units { noSuchField } }`),
      // paging and positions
      await rawResponseText(server, `{ events(first: 501) { totalCount } }`),
      await rawResponseText(server, `{ events(after: "garbage") { totalCount } }`),
      await rawResponseText(server, `{ units { totalCount } }`, {}, { 'x-min-position': 'garbage' }),
      // a wrong variable type
      await rawResponseText(server, `query ($f: Int) { units(first: $f) { totalCount } }`, { f: 'many' }),
    ];
    for (const { text } of responses) {
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(text).not.toMatch(/stacktrace/i);
      expect(text).not.toMatch(/(^|\\n|\n)\s*at\s/); // "    at fn (file:1:2)" stack lines
      expect(text).not.toMatch(/\sat\s\S+\s\(\S+:\d+:\d+\)/);
      expect(text).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
    }
  });
});
