import {
  AssignPairingDocument,
  EndPairingDocument,
  MemberPairingsDocument,
  PairingsByCounterpartDocument,
  UnitPairingsDocument,
  type AssignPairingInput,
} from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

describe('pairings over GraphQL: assign, end, and read them as of a date', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const assign = async (input: AssignPairingInput) => (await server.ok(AssignPairingDocument, { input })).assignPairing;
  const adviserOf = (memberOrUnitId: string, name: string, startOn: string): AssignPairingInput => ({
    kind: 'LEGAL_ADVISER',
    memberOrUnitId,
    counterpart: { kind: 'VILLAGE', name },
    startOn,
  });

  it('a member-lawyer advises a village from the start date until the pairing ends, and the history stays readable', async () => {
    const lawyer = await register(server, '李律师', tree.branchA1, '2016-01-01', tree.groupA1x);
    const village = `张家村-${lawyer.slice(0, 8)}`;
    const assigned = await assign(adviserOf(lawyer, village, '2018-03-01'));
    expect(assigned.eventIds).toHaveLength(1);
    expect(assigned.pairing).toMatchObject({
      kind: 'LEGAL_ADVISER',
      startOn: '2018-03-01',
      endedOn: null,
      party: { kind: 'MEMBER', id: lawyer, member: { id: lawyer, name: '李律师' } },
      counterpart: { kind: 'VILLAGE', id: null, name: village },
    });
    const pairingId = assigned.pairing!.id;

    const ended = (await server.ok(EndPairingDocument, { input: { pairingId, reason: '合同期满', effectiveDate: '2021-03-01' } })).endPairing;
    expect(ended.pairing).toMatchObject({ endedOn: '2021-03-01', endReason: '合同期满', validTo: '2021-03-01' });

    const pairingsOn = async (asOf: string, includeEnded = false) =>
      (await server.ok(MemberPairingsDocument, { id: lawyer, asOf, includeEnded })).member!.pairings.map((pairing) => [pairing.id, pairing.endedOn]);
    expect(await pairingsOn('2018-02-28')).toEqual([]);
    expect(await pairingsOn('2019-06-30')).toEqual([[pairingId, null]]);
    expect(await pairingsOn('2021-03-01')).toEqual([]);
    expect(await pairingsOn('2022-01-01', true)).toEqual([[pairingId, '2021-03-01']]);

    // The village is found by its name however it is typed, as of any date.
    const byName = async (asOf: string) =>
      (await server.ok(PairingsByCounterpartDocument, { counterpartName: ` ${village} `, kind: 'LEGAL_ADVISER', asOf })).pairings;
    expect((await byName('2019-06-30')).edges.map((edge) => edge.node.party.id)).toEqual([lawyer]);
    expect((await byName('2022-01-01')).totalCount).toBe(0);
  });

  it('pairings of a unit are those of its members and units on the date, with its subtree by default', async () => {
    const senior = await register(server, '王老', tree.branchA1, '2016-01-01', tree.groupA1x);
    const junior = await register(server, '小周', tree.branchA2, '2016-01-01');
    const outsider = await register(server, '赵六', tree.branchB1, '2016-01-01');
    const mentoring = await assign({ kind: 'MENTOR', memberOrUnitId: senior, counterpart: { kind: 'MEMBER', id: junior }, startOn: '2019-01-01' });
    const helping = await assign({
      kind: 'ASSISTANCE',
      memberOrUnitId: tree.branchA2,
      counterpart: { kind: 'HOUSEHOLD', name: '刘大娘家' },
      startOn: '2019-02-01',
    });
    // A contact point is a member in office: 赵六 is elected secretary of branch B1 first.
    await server.app.leadership.recordElection(
      { unitId: tree.branchB1, officers: [{ memberId: outsider, role: 'SECRETARY' }] },
      { actor: 'pairings-test', effectiveDate: '2019-01-15' },
    );
    await assign({ kind: 'CONTACT_POINT', memberOrUnitId: outsider, counterpart: { kind: 'UNIT', id: tree.branchB1 }, startOn: '2019-03-01' });

    const ids = async (id: string, includeDescendants?: boolean, asOf = '2020-01-01') =>
      ((await server.ok(UnitPairingsDocument, { id, asOf, includeDescendants })).unit?.pairings ?? []).map((pairing) => pairing.id).sort();
    expect(await ids(tree.committeeA)).toEqual([mentoring.pairing!.id, helping.pairing!.id].sort());
    expect(await ids(tree.committeeA, false)).toEqual([]);
    expect(await ids(tree.groupA1x)).toEqual([mentoring.pairing!.id]);
    expect(await ids(tree.branchA2)).toEqual([mentoring.pairing!.id, helping.pairing!.id].sort());
    expect(await ids(tree.committeeA, true, '2018-12-31')).toEqual([]);

    // The mentee sees their mentor among their own pairings.
    const mentee = (await server.ok(MemberPairingsDocument, { id: junior, asOf: '2020-01-01' })).member!;
    expect(mentee.pairings.map((pairing) => [pairing.kind, pairing.counterpart.member?.id])).toEqual([['MENTOR', junior]]);
  });

  it('refuses a second legal adviser for a village while the first holds, naming the first, and writes nothing', async () => {
    const first = await register(server, '孙律师', tree.branchA1, '2016-01-01');
    const second = await register(server, '钱律师', tree.branchA2, '2016-01-01');
    const village = `李家村-${first.slice(0, 8)}`;
    const held = await assign(adviserOf(first, village, '2018-01-01'));
    await expectRefused(server, () => server.request(AssignPairingDocument, { input: adviserOf(second, `  ${village}`, '2019-01-01') }), {
      code: 'RULE_VIOLATION',
      reason: 'PAIRING.COUNTERPART_TAKEN',
      field: 'input.counterpart',
      mentions: ['孙律师', held.pairing!.id],
    });
    // Once the first adviser's pairing ends, the village can have another from that day.
    await server.ok(EndPairingDocument, { input: { pairingId: held.pairing!.id, effectiveDate: '2019-06-30' } });
    expect((await assign(adviserOf(second, village, '2019-06-30'))).pairing?.party.id).toBe(second);
  });

  it('refuses bad input naming the field, and ending a pairing before its start, writing nothing', async () => {
    const lawyer = await register(server, '周律师', tree.branchA1, '2016-01-01');
    await expectRefused(server, () => server.request(AssignPairingDocument, { input: { ...adviserOf(lawyer, ' ', '2018-01-01') } }), {
      code: 'BAD_USER_INPUT',
      field: 'input.counterpart.name',
      mentions: 'input.counterpart.name',
    });
    await expectRefused(
      server,
      () => server.request(AssignPairingDocument, { input: { ...adviserOf(lawyer, '某村', '2018-01-01'), effectiveDate: '2018-02-01' } }),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.startOn',
        mentions: 'input.startOn',
      },
    );
    await expectRefused(server, () => server.request(AssignPairingDocument, { input: adviserOf(lawyer, '某村', '2015-06-01') }), {
      code: 'RULE_VIOLATION',
      reason: 'PAIRING.PARTY_NOT_ACTIVE',
      field: 'input.memberOrUnitId',
      mentions: '2015-06-01',
    });
    await expectRefused(
      server,
      () =>
        server.request(AssignPairingDocument, {
          input: { kind: 'CONTACT_POINT', memberOrUnitId: lawyer, counterpart: { kind: 'UNIT', id: tree.branchA2 }, startOn: '2018-01-01' },
        }),
      { code: 'RULE_VIOLATION', reason: 'PAIRING.PARTY_HOLDS_NO_OFFICE', field: 'input.memberOrUnitId', mentions: ['CONTACT_POINT', 'office'] },
    );
    const held = await assign(adviserOf(lawyer, `王家村-${lawyer.slice(0, 8)}`, '2018-01-01'));
    await expectRefused(server, () => server.request(EndPairingDocument, { input: { pairingId: held.pairing!.id, effectiveDate: '2017-12-31' } }), {
      code: 'RULE_VIOLATION',
      reason: 'DATE.BEFORE_START',
      mentions: 'input.effectiveDate',
    });
    await expectRefused(server, () => server.request(EndPairingDocument, { input: { pairingId: 'no-such-pairing' } }), {
      code: 'NOT_FOUND',
      field: 'input.pairingId',
      mentions: 'no-such-pairing',
    });
  });
});
