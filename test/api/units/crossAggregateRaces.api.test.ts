import { AssignPairingDocument, DissolveUnitDocument, EstablishUnitDocument, RegisterMemberDocument, UnitTreeDocument } from '../generated/graphql';
import { buildTree, establish, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Rules that span aggregates, raced: commands fired together over HTTP (Promise.all) leave
 * exactly one winner, whatever the interleaving, and identities that only look different are
 * one identity. 100 trials each, 2 to 4 commands per trial.
 */
const TRIALS = 100;

const reasonOf = (result: GraphQLResponse<unknown>): unknown => result.errors?.[0]?.extensions?.reason;
const succeeded = (result: GraphQLResponse<unknown>): boolean => (result.errors?.length ?? 0) === 0;
const contenders = (trial: number): number => 2 + (trial % 3);

describe('rules across aggregates hold when commands race and whatever was recorded first', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
  });
  afterAll(() => server.close());

  it('a unit code has one winner among concurrent establishments typed in different forms', async () => {
    const forms = (trial: number) => [`race-${trial}`, `RACE-${trial}`, `ｒａｃｅ-${trial}`, ` Race-${trial}\u200b`];
    for (let trial = 0; trial < TRIALS; trial++) {
      const results = await Promise.all(
        forms(trial)
          .slice(0, contenders(trial))
          .map((code, n) =>
            server.request(EstablishUnitDocument, {
              input: { level: 'BRANCH', name: `竞争支部${trial}-${n}`, code, parentId: tree.committeeB, effectiveDate: '2016-01-01' },
            }),
          ),
      );
      expect(results.filter(succeeded)).toHaveLength(1);
      for (const refused of results.filter((result) => !succeeded(result))) expect(reasonOf(refused)).toBe('UNIT.CODE_IN_USE');
    }
  });

  it('a village has one legal adviser among concurrent assignments naming it in different forms', async () => {
    const lawyers: string[] = [];
    for (let n = 0; n < 4; n++) lawyers.push(await register(server, `律师${n}`, tree.branchB1, '2016-01-01'));
    const forms = (trial: number) => [`竞争村${trial}`, `竞争村${trial}\u200b`, `竞争 村${trial}`, `\ufeff竞争村${trial} `];
    for (let trial = 0; trial < TRIALS; trial++) {
      const results = await Promise.all(
        forms(trial)
          .slice(0, contenders(trial))
          .map((name, n) =>
            server.request(AssignPairingDocument, {
              input: {
                kind: 'LEGAL_ADVISER',
                memberOrUnitId: lawyers[n],
                counterpart: { kind: 'VILLAGE', id: n === 0 ? '' : null, name },
                startOn: '2018-01-01',
              },
            }),
          ),
      );
      expect(results.filter(succeeded)).toHaveLength(1);
      for (const refused of results.filter((result) => !succeeded(result))) expect(reasonOf(refused)).toBe('PAIRING.COUNTERPART_TAKEN');
    }
  });

  it('a dissolution and registrations into that branch fired together never leave a dissolved branch with a member', async () => {
    let dissolutionsWon = 0;
    let registrationsWon = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const branch = await establish(server, 'BRANCH', `待撤支部${trial}`, tree.committeeB, '2015-06-01');
      const registrations = Array.from(
        { length: contenders(trial) - 1 },
        (_, n) => () =>
          server.request(RegisterMemberDocument, {
            input: {
              name: `新党员${trial}-${n}`,
              branchId: branch,
              status: 'FULL',
              joinedOn: '2001-07-01',
              effectiveDate: n % 2 === 0 ? '2020-06-01' : '2021-03-01',
            },
          }),
      );
      const dissolution = () => server.request(DissolveUnitDocument, { input: { unitId: branch, effectiveDate: '2021-01-01' } });
      const commands = trial % 2 === 0 ? [dissolution, ...registrations] : [...registrations, dissolution];
      const results = await Promise.all(commands.map((send) => send()));
      const dissolved = succeeded(results[trial % 2 === 0 ? 0 : results.length - 1]);
      const registered = results.filter((result, n) => succeeded(result) && commands[n] !== dissolution).length;
      expect(dissolved && registered > 0).toBe(false);
      if (dissolved) dissolutionsWon++;
      if (registered > 0) registrationsWon++;
      const { unit } = await server.ok(UnitTreeDocument, { id: branch, asOf: '2021-06-01' });
      expect({ status: unit!.status, memberCount: unit!.memberCount }).toEqual(
        dissolved ? { status: 'DISSOLVED', memberCount: 0 } : { status: 'ACTIVE', memberCount: registered },
      );
    }
    // Both outcomes happen: the test exercises both orders, not one winner every time.
    expect(dissolutionsWon).toBeGreaterThan(0);
    expect(registrationsWon).toBeGreaterThan(0);
  });

  it('a branch dissolved later refuses a backdated registration, and a branch with a later member refuses a backdated dissolution', async () => {
    const dissolvedLater = await establish(server, 'BRANCH', '先撤支部', tree.committeeB, '2015-06-01');
    await server.ok(DissolveUnitDocument, { input: { unitId: dissolvedLater, effectiveDate: '2021-01-01' } });
    await expectRefused(
      server,
      () =>
        server.request(RegisterMemberDocument, {
          input: { name: '补录党员', branchId: dissolvedLater, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2020-06-01' },
        }),
      { code: 'RULE_VIOLATION', reason: 'MEMBER.BRANCH_DISSOLVED_LATER', mentions: ['input.branchId', 'dissolved from 2021-01-01'] },
    );

    const joinedLater = await establish(server, 'BRANCH', '后入支部', tree.committeeB, '2015-06-01');
    await register(server, '后入党员', joinedLater, '2021-03-01');
    await expectRefused(server, () => server.request(DissolveUnitDocument, { input: { unitId: joinedLater, effectiveDate: '2021-01-01' } }), {
      code: 'RULE_VIOLATION',
      reason: 'UNIT.HAS_ACTIVE_MEMBERS',
      mentions: 'on or after 2021-01-01',
    });
  });

  it('identities that only look different are refused one after the other too', async () => {
    await server.ok(EstablishUnitDocument, {
      input: { level: 'BRANCH', name: '编码支部', code: 'seq-1', parentId: tree.committeeB, effectiveDate: '2016-01-01' },
    });
    for (const code of ['SEQ-1', 'ｓｅｑ－１', 'seq-1\u200b']) {
      await expectRefused(
        server,
        () =>
          server.request(EstablishUnitDocument, { input: { level: 'BRANCH', name: '另一支部', code, parentId: tree.committeeB, effectiveDate: '2016-01-01' } }),
        { code: 'RULE_VIOLATION', reason: 'UNIT.CODE_IN_USE', mentions: 'input.code' },
      );
    }
    const lawyer = await register(server, '李律师', tree.branchB1, '2016-01-01');
    const other = await register(server, '王律师', tree.branchB1, '2016-01-01');
    await server.ok(AssignPairingDocument, {
      input: { kind: 'LEGAL_ADVISER', memberOrUnitId: lawyer, counterpart: { kind: 'VILLAGE', name: '李家村' }, startOn: '2018-01-01' },
    });
    for (const counterpart of [{ id: '', name: '李家村' }, { name: '李家村\u200b' }, { name: '李 家村' }]) {
      await expectRefused(
        server,
        () =>
          server.request(AssignPairingDocument, {
            input: { kind: 'LEGAL_ADVISER', memberOrUnitId: other, counterpart: { kind: 'VILLAGE', ...counterpart }, startOn: '2019-01-01' },
          }),
        { code: 'RULE_VIOLATION', reason: 'PAIRING.COUNTERPART_TAKEN', mentions: 'input.counterpart' },
      );
    }
  });
});
