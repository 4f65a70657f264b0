import { buildTree, register, type Tree } from '../support/fixtures';
import { postOperation } from '../support/rawHttp';
import { logState } from '../support/refusals';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

type Answer = GraphQLResponse<Record<string, unknown>>;

/** Branch A1's organizer, committee B's analyst, A1's viewer and integrator, on one server with a member who moved from A1 to A2. */
describe('scope: a token reaches its unit’s subtree, for the dates things were in it', () => {
  let server: TestServer;
  let tree: Tree;
  let organizerA1: string;
  let organizerA2: string;
  let analystB: string;
  let viewerA1: string;
  let integratorA1: string;
  let mover: string;
  let stayer: string;
  let outsider: string;
  const TRANSFERRED_ON = '2020-06-01';

  const as = async (key: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> =>
    (await postOperation({ url: server.url, adminKey: key }, query, variables)).json ?? {};
  const code = (answer: Answer): unknown => answer.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
    mover = await register(server, '李移', tree.branchA1, '2016-01-01');
    stayer = await register(server, '王留', tree.branchA1, '2016-01-01');
    outsider = await register(server, '赵外', tree.branchB1, '2016-01-01');
    const requested = await server.raw('mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { transfer { id } } }', {
      input: { memberId: mover, toBranchId: tree.branchA2, effectiveDate: '2020-05-20' },
    });
    const transferId = (requested.data as { requestTransfer: { transfer: { id: string } } }).requestTransfer.transfer.id;
    const accepted = await server.raw('mutation($input: AcceptTransferInput!) { acceptTransfer(input: $input) { position } }', {
      input: { transferId, effectiveDate: TRANSFERRED_ON },
    });
    expect(accepted.errors).toBeUndefined();
    organizerA1 = await server.issueKey('ORGANIZER', tree.branchA1);
    organizerA2 = await server.issueKey('ORGANIZER', tree.branchA2);
    analystB = await server.issueKey('ANALYST', tree.committeeB);
    viewerA1 = await server.issueKey('VIEWER', tree.branchA1);
    integratorA1 = await server.issueKey('INTEGRATOR', tree.branchA1);
  });
  afterAll(() => server.close());

  it('a unit outside the subtree (sibling, ancestor, other committee) answers as if it did not exist', async () => {
    const query =
      '{ own: unit(id: $own) { id name } sibling: unit(id: $sibling) { id } parent: unit(id: $parent) { id } other: unit(id: $other) { id } }'.replace(
        '{ own',
        'query($own: ID!, $sibling: ID!, $parent: ID!, $other: ID!) { own',
      );
    const answer = await as(organizerA1, query, { own: tree.branchA1, sibling: tree.branchA2, parent: tree.committeeA, other: tree.branchB1 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ own: { id: tree.branchA1, name: '第一党支部' }, sibling: null, parent: null, other: null });
  });

  it('nested fields cannot climb out: parent and ancestors stop at the subtree, lists and counts hold only what is inside', async () => {
    const answer = await as(
      organizerA1,
      'query($id: ID!) { unit(id: $id) { parent { id } ancestors { id } children { id } memberCount members { totalCount } } }',
      { id: tree.branchA1 },
    );
    const unit = (answer.data as { unit: { children: { id: string }[] } }).unit;
    expect({ ...unit, children: [...unit.children].sort(byId) }).toEqual({
      parent: null,
      ancestors: [],
      children: [{ id: tree.groupA1x }, { id: tree.groupA1y }].sort(byId),
      memberCount: 1,
      members: { totalCount: 1 },
    });
    const units = await as(organizerA1, '{ units(first: 50) { totalCount edges { node { id } } } }');
    expect((units.data as { units: { totalCount: number } }).units.totalCount).toBe(3);
  });

  it('lists of another unit are refused as unknown: NOT_FOUND naming unitId', async () => {
    const answer = await as(organizerA1, 'query($id: ID!) { members(unitId: $id) { totalCount } }', { id: tree.branchB1 });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    const report = await as(analystB, 'query($id: ID!) { duesReport(unitId: $id, from: "2020-01", to: "2020-03") { unitId } }', { id: tree.branchA1 });
    expect(report.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
  });

  it('a member who transferred out is visible to the old branch for the years there and nothing after, their history cut to them', async () => {
    const query = 'query($id: ID!, $on: Date) { member(id: $id, asOf: $on) { id branch { id } memberships { branchId validFrom validTo } } }';
    const before = await as(organizerA1, query, { id: mover, on: '2019-01-01' });
    expect(before.data).toEqual({
      member: { id: mover, branch: { id: tree.branchA1 }, memberships: [{ branchId: tree.branchA1, validFrom: '2016-01-01', validTo: TRANSFERRED_ON }] },
    });
    expect((await as(organizerA1, query, { id: mover, on: '2021-01-01' })).data).toEqual({ member: null });
    const receiving = await as(organizerA2, query, { id: mover, on: '2021-01-01' });
    expect(receiving.data).toEqual({
      member: { id: mover, branch: { id: tree.branchA2 }, memberships: [{ branchId: tree.branchA2, validFrom: TRANSFERRED_ON, validTo: null }] },
    });
    expect((await as(organizerA2, query, { id: mover, on: '2019-01-01' })).data).toEqual({ member: null });
  });

  it('a member’s awards are cut to the years they were the caller’s, as their memberships are', async () => {
    const granted = await server.raw('mutation($input: GrantAwardInput!) { grantAward(input: $input) { award { id } } }', {
      input: { recipientId: mover, grantedById: tree.branchA1, title: 'OUTSTANDING_MEMBER', effectiveDate: '2018-07-01' },
    });
    expect(granted.errors).toBeUndefined();
    const query = 'query($id: ID!, $on: Date) { member(id: $id, asOf: $on) { awards { grantedOn } } }';
    expect((await as(organizerA1, query, { id: mover, on: '2019-01-01' })).data).toEqual({ member: { awards: [{ grantedOn: '2018-07-01' }] } });
    expect((await as(organizerA2, query, { id: mover, on: '2021-01-01' })).data).toEqual({ member: { awards: [] } });
    expect((await as(server.adminKey, query, { id: mover, on: '2021-01-01' })).data).toEqual({ member: { awards: [{ grantedOn: '2018-07-01' }] } });
  });

  it('events are those of the subtree as it stood on each event’s date; key events are ADMIN’s alone', async () => {
    const types = async (key: string): Promise<string[]> => {
      const answer = await as(key, '{ events(first: 200) { edges { node { type data } } } }');
      expect(answer.errors).toBeUndefined();
      return (answer.data as { events: { edges: { node: { type: string } }[] } }).events.edges.map((edge) => edge.node.type);
    };
    const ofA1 = await types(integratorA1);
    expect(ofA1).toContain('MemberRegistered');
    expect(ofA1).not.toContain('ApiKeyIssued');
    expect(ofA1).not.toContain('UnitEstablished'.replace('Unit', 'Nope'));
    const ofB = await types(analystB);
    expect(ofB.filter((type) => type === 'MemberRegistered')).toHaveLength(1);
    expect(await types(server.adminKey)).toContain('ApiKeyIssued');
  });

  it('an integrator’s subscription carries only its subtree’s events', async () => {
    const first = await as(server.adminKey, '{ events(first: 1) { edges { node { position } } } }');
    const after = (first.data as { events: { edges: { node: { position: string } }[] } }).events.edges[0].node.position;
    const all = await as(integratorA1, '{ events(first: 500) { totalCount } }');
    const count = (all.data as { events: { totalCount: number } }).events.totalCount;
    const client = server.wsClient(integratorA1);
    const results = await collect<{ orgEvents: { type: string; data: { memberId?: string; branchId?: string } } }>(
      client,
      'subscription($after: String) { orgEvents(after: $after) { type data } }',
      { after },
      count,
      5000,
    );
    const memberIds = results.map((result) => result.data?.orgEvents.data.memberId).filter(Boolean);
    expect(memberIds).toContain(stayer);
    expect(memberIds).not.toContain(outsider);
    expect(results.map((result) => result.data?.orgEvents.type)).not.toContain('ApiKeyIssued');
  });

  it('roles: a VIEWER gets no personal fields and no history; an ANALYST writes nothing; an INTEGRATOR reads only events', async () => {
    expect(code(await as(viewerA1, 'query($id: ID!) { member(id: $id) { dues { due { amount } } } }', { id: stayer }))).toBe('FORBIDDEN');
    expect(code(await as(viewerA1, 'query($id: ID!) { unit(id: $id, knownAt: "2020-01-01T00:00:00Z") { id } }', { id: tree.branchA1 }))).toBe('FORBIDDEN');
    expect(code(await as(viewerA1, 'query($id: ID!) { unit(id: $id, asOf: "2019-01-01") { id } }', { id: tree.branchA1 }))).toBe('FORBIDDEN');
    expect((await as(viewerA1, 'query($id: ID!) { member(id: $id) { name } }', { id: stayer })).data).toEqual({ member: { name: '王留' } });
    expect(
      code(
        await as(analystB, 'mutation($input: RenameUnitInput!) { renameUnit(input: $input) { position } }', { input: { unitId: tree.branchB1, name: 'x' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await as(integratorA1, 'query($id: ID!) { unit(id: $id) { id } }', { id: tree.branchA1 }))).toBe('FORBIDDEN');
    expect(code(await as(viewerA1, '{ events(first: 1) { totalCount } }'))).toBe('FORBIDDEN');
    expect(code(await as(viewerA1, '{ events(first: 1) { edges { node { actor { name } } } } }'))).toBe('FORBIDDEN');
  });

  it('mutations check both ends and write nothing when refused: FORBIDDEN naming the field', async () => {
    const before = await logState(server);
    const refused = [
      await as(organizerA1, 'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { position } }', {
        input: { name: '钱新', branchId: tree.branchB1, status: 'FULL', joinedOn: '2001-07-01' },
      }),
      await as(organizerA1, 'mutation($input: MoveUnitInput!) { moveUnit(input: $input) { position } }', {
        input: { unitId: tree.groupA1x, parentId: tree.branchA2 },
      }),
      await as(organizerA1, 'mutation($input: EstablishUnitInput!) { establishUnit(input: $input) { position } }', {
        input: { level: 'DISTRICT', name: '新区' },
      }),
      await as(organizerA2, 'mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { position } }', {
        input: { memberId: stayer, toBranchId: tree.branchA2 },
      }),
    ];
    for (const answer of refused) expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused[0].errors?.[0]?.extensions?.field).toBe('input.branchId');
    expect(refused[1].errors?.[0]?.extensions?.field).toBe('input.parentId');
    expect(await logState(server)).toEqual(before);

    // The sending branch requests; only the receiving branch accepts.
    const requested = await as(organizerA1, 'mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { transfer { id } } }', {
      input: { memberId: stayer, toBranchId: tree.branchA2 },
    });
    expect(requested.errors).toBeUndefined();
    const transferId = (requested.data as { requestTransfer: { transfer: { id: string } } }).requestTransfer.transfer.id;
    const acceptedBySender = await as(organizerA1, 'mutation($input: AcceptTransferInput!) { acceptTransfer(input: $input) { position } }', {
      input: { transferId },
    });
    expect(acceptedBySender.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.transferId' });
    const accepted = await as(organizerA2, 'mutation($input: AcceptTransferInput!) { acceptTransfer(input: $input) { position } }', { input: { transferId } });
    expect(accepted.errors).toBeUndefined();
  });

  it('every event records its actor (the token’s name and subject), shown to ADMIN and ANALYST', async () => {
    const answer = await as(server.adminKey, '{ events(first: 500, filter: { types: ["TransferAccepted"] }) { edges { node { actor { name subject } } } } }');
    const actors = (answer.data as { events: { edges: { node: { actor: { name: string; subject: string | null } } }[] } }).events.edges.map(
      (edge) => edge.node.actor,
    );
    expect(actors.at(-1)?.name).toMatch(/^test-organizer-/);
    expect(actors.at(-1)?.subject).toMatch(/^[0-9a-f]{16}$/);
  });
});

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : 1;
}

describe('scope holds against back-dated writes, retractions of others’ decisions and references out of the subtree', () => {
  let server: TestServer;
  let tree: Tree;
  let organizerA: string;
  const as = async (key: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> =>
    (await postOperation({ url: server.url, adminKey: key }, query, variables)).json ?? {};

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
    organizerA = await server.issueKey('ORGANIZER', tree.committeeA);
  });
  afterAll(() => server.close());

  it('what has left the subtree cannot be written to with an effective date from before it left', async () => {
    // ADMIN moves branch A1 (with its groups) to committee B from 2022-01-01.
    const moved = await server.raw('mutation($input: MoveUnitInput!) { moveUnit(input: $input) { position } }', {
      input: { unitId: tree.branchA1, parentId: tree.committeeB, effectiveDate: '2022-01-01' },
    });
    expect(moved.errors).toBeUndefined();
    const before = await logState(server);
    const renamed = await as(organizerA, 'mutation($input: RenameUnitInput!) { renameUnit(input: $input) { position } }', {
      input: { unitId: tree.groupA1x, name: '改回', effectiveDate: '2021-12-31' },
    });
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unitId' });
    const pulledBack = await as(organizerA, 'mutation($input: MoveUnitInput!) { moveUnit(input: $input) { position } }', {
      input: { unitId: tree.groupA1y, parentId: tree.branchA2, effectiveDate: '2021-12-31' },
    });
    expect(pulledBack.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unitId' });
    // The move names the committee it left, but is not the committee's to retract.
    const events = await server.raw('{ events(first: 500, filter: { types: ["UnitMoved"] }) { edges { node { id } } } }');
    const moveId = (events.data as { events: { edges: { node: { id: string } }[] } }).events.edges[0].node.id;
    const retracted = await as(organizerA, 'mutation($input: RetractEventInput!) { retractEvent(input: $input) { position } }', {
      input: { eventId: moveId, reason: '撤回' },
    });
    expect(retracted.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.eventId' });
    expect(await logState(server)).toEqual(before);
  });

  it('a report over months needs the unit in the subtree for all of them: a branch that joined later is not reported before it joined', async () => {
    const organizerB = await server.issueKey('ORGANIZER', tree.committeeB);
    const report = (from: string) =>
      as(organizerB, 'query($id: ID!, $from: String!) { duesReport(unitId: $id, from: $from, to: "2022-03", asOf: "2022-03-31") { unitId } }', {
        id: tree.branchA1,
        from,
      });
    expect((await report('2021-06')).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    expect((await report('2022-01')).data).toEqual({ duesReport: { unitId: tree.branchA1 } });
  });

  it('a transfer may go out of the subtree, but a destination outside it is not described: only that no such branch exists', async () => {
    const member = await register(server, '吴行', tree.branchA2, '2016-01-01');
    const answer = await as(organizerA, 'mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { position } }', {
      input: { memberId: member, toBranchId: tree.committeeB },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'UNIT.NOT_A_BRANCH', field: 'input.toBranchId' });
    expect(answer.errors?.[0]?.message).not.toMatch(/教育局|COMMITTEE/);
    const out = await as(organizerA, 'mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { position } }', {
      input: { memberId: member, toBranchId: tree.branchB1 },
    });
    expect(out.errors).toBeUndefined();
  });

  it('a village’s adviser held outside the subtree refuses a second one without naming who holds it', async () => {
    const outside = await register(server, '郑律师', tree.branchB1, '2016-01-01');
    const inside = await register(server, '冯律师', tree.branchA2, '2016-01-01');
    const assign = (key: string, memberOrUnitId: string) =>
      as(key, 'mutation($input: AssignPairingInput!) { assignPairing(input: $input) { position } }', {
        input: { kind: 'LEGAL_ADVISER', memberOrUnitId, counterpart: { kind: 'VILLAGE', name: '王家村' }, startOn: '2019-01-01' },
      });
    expect((await assign(server.adminKey, outside)).errors).toBeUndefined();
    const refused = await assign(organizerA, inside);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'PAIRING.COUNTERPART_TAKEN' });
    expect(refused.errors?.[0]?.message).not.toContain('郑律师');
    expect(refused.errors?.[0]?.message).not.toContain(outside);
    expect((await assign(server.adminKey, inside)).errors?.[0]?.message).toContain('郑律师');
  });

  it('a pairing’s counterpart must be the caller’s too', async () => {
    const mine = await register(server, '孙近', tree.branchA2, '2016-01-01');
    const theirs = await register(server, '周远', tree.branchB1, '2016-01-01');
    const before = await logState(server);
    const paired = await as(organizerA, 'mutation($input: AssignPairingInput!) { assignPairing(input: $input) { position } }', {
      input: { memberOrUnitId: mine, kind: 'MENTOR', counterpart: { kind: 'MEMBER', id: theirs } },
    });
    expect(paired.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.counterpart.id' });
    expect(await logState(server)).toEqual(before);
  });
});
