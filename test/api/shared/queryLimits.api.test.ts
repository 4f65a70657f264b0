import { attackDocuments, type AttackDocument } from '../../../bench/attackDocuments';
import { buildTree, register, type Tree } from '../support/fixtures';
import { postOperation } from '../support/rawHttp';
import { probeResolvers } from '../support/resolverProbe';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

const NAMES = attackDocuments({ unitId: '', memberId: '' }).map((attack) => attack.name);

describe('request limits: each attack document is refused before any resolver runs, on HTTP and on WebSocket alike', () => {
  let server: TestServer;
  let tree: Tree;
  let memberId: string;
  let attacks: Map<string, AttackDocument>;
  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
    memberId = await register(server, '李明', tree.branchA1, '2016-01-01');
    attacks = new Map(attackDocuments({ unitId: tree.district, memberId }).map((attack) => [attack.name, attack]));
  });
  afterAll(() => server.close());

  it.each(NAMES)('%s', async (name) => {
    const attack = attacks.get(name)!;
    const probe = probeResolvers(server);
    try {
      const http = await postOperation(server, attack.query, attack.variables);
      const ws = await server.wsRaw(attack.query, attack.variables);
      expect(probe.calls()).toBe(0);

      expect(http.status).toBe(400);
      expect(http.json?.data).toBeUndefined();
      const [error] = http.json?.errors ?? [];
      expect(error?.extensions).toMatchObject({ code: attack.code, ...(attack.reason ? { reason: attack.reason } : {}) });
      expect(JSON.stringify(error)).not.toMatch(/stack|\bat .*\.js/);
      // The WebSocket answers the same error, formatted by the same formatError.
      expect(ws.errors?.[0]).toEqual(error);
    } finally {
      probe.restore();
    }
  });

  it('a validation error on the WebSocket is GRAPHQL_VALIDATION_FAILED with its message, as on HTTP', async () => {
    const http = await postOperation(server, '{ nope }');
    const ws = await server.wsRaw('{ nope }');
    expect(http.status).toBe(400);
    expect(http.json?.errors?.[0]).toMatchObject({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(ws.errors).toEqual(http.json?.errors);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED on both transports', async () => {
    const http = await postOperation(server, '{ unit(');
    const ws = await server.wsRaw('{ unit(');
    expect(http.json?.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(ws.errors).toEqual(http.json?.errors);
  });

  it('an unknown operation name is OPERATION_RESOLUTION_FAILURE on the WebSocket too', async () => {
    const ws = await new Promise<GraphQLResponse<unknown>>((resolve) => {
      server
        .wsClient()
        .subscribe(
          { query: 'query A { __typename }', operationName: 'B' },
          { next: () => undefined, error: (errors) => resolve({ errors: errors as never }), complete: () => undefined },
        );
    });
    expect(ws.errors?.[0]).toMatchObject({ message: 'Unknown operation named "B".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
  });

  it('documents just within every limit run: 50 aliases, depth 12, three 120-month dues reports, four knownAt moments', async () => {
    const within = [
      `query($id: ID!) { ${Array.from({ length: 50 }, (_, at) => `a${at}: unit(id: $id) { id }`).join(' ')} }`,
      `query($id: ID!) { unit(id: $id) { ${'parent { '.repeat(10)}id${' }'.repeat(10)} } }`,
      `query($id: ID!) { ${[0, 1, 2].map((at) => `a${at}: duesReport(unitId: $id, from: "2017-01", to: "2026-12") { months { period membersDue } totals { membersDue } }`).join(' ')} }`,
      `query($id: ID!) { ${[1, 2, 3, 4].map((hour) => `m${hour}: unit(id: $id, knownAt: "2020-01-01T0${hour}:00:00Z") { id }`).join(' ')} }`,
    ];
    for (const query of within) {
      for (const answer of [(await postOperation(server, query, { id: tree.district })).json, await server.wsRaw(query, { id: tree.district })]) {
        expect(answer?.errors).toBeUndefined();
      }
    }
  });

  it("the README's frontend and analyst queries run on both transports", async () => {
    const { committeeA: committee, branchA1: branch } = tree;
    const queries = [
      `{ unit(id: "${committee}", asOf: "2019-06-30") { name memberCount children { name memberCount children { name memberCount } } } }`,
      `{ members(unitId: "${committee}", includeDescendants: true, first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name status branch { name } group { name } } } }
         member(id: "${memberId}", asOf: "2018-01-01") { branch { name ancestors { name } } memberships { branchId validFrom validTo } } }`,
      `{ attendanceFlags(unitId: "${committee}", asOf: "2025-12-31") { member { name branch { name } } reason absences longestRun lastAbsentOn } }`,
      `{ meetingCompliance(unitId: "${committee}", from: "2025-01", to: "2025-12") { branches { branch { name } missingCount requirements { kind unitId missing } } } }`,
      `{ duesReport(unitId: "${committee}", from: "2026-01", to: "2026-10") { months { period due { amount } paid { amount } outstanding { amount } membersInArrears } totals { due { amount } paid { amount } outstanding { amount } } } }`,
      `{ groupRanking(unitId: "${committee}", quarter: "2026-Q1") { rank total redFlagCandidate group { name parent { name } } scores { memberEducation memberManagement memberDevelopment servingTheCentre contactWithPublic distinctiveWork } } }`,
      `{ unit(id: "${branch}", asOf: "2019-06-30") { name officers { role member { name } heldOn termEndsOn } } }`,
      `{ expiringTerms(within: 90, unitId: "${committee}") { unit { name } role member { name } termEndsOn lapsed } }`,
      `{ obligations(unitId: "${committee}", within: 60) { kind dueOn rule unit { name } member { name } } }`,
      `{ now: member(id: "${memberId}", asOf: "2019-06-30") { branch { name } } then: member(id: "${memberId}", asOf: "2019-06-30", knownAt: "2019-12-31T23:59:59+08:00") { branch { name } }
         history: member(id: "${memberId}") { memberships { branchId validFrom validTo recordedAt endRecordedAt } } }`,
      `{ events(filter: { memberId: "${memberId}" }) { edges { node { type effectiveDate recordedAt retractedBy { id } retracts { id type } } } } }`,
    ];
    for (const query of queries) {
      const http = await postOperation(server, query);
      const ws = await server.wsRaw(query);
      for (const answer of [http.json, ws]) expect({ query, errors: answer?.errors }).toEqual({ query, errors: undefined });
    }
  });
});

describe('request limits come from the configuration', () => {
  let server: TestServer;
  beforeAll(
    async () =>
      (server = await startTestServer({
        env: { ORGTRACK_MAX_DEPTH: '3', ORGTRACK_MAX_QUERY_COST: '100', ORGTRACK_MAX_ALIASES: '2', ORGTRACK_MAX_TOKENS: '40' },
      })),
  );
  afterAll(() => server.close());

  it.each([
    ['depth 4', '{ unit(id: "x") { parent { parent { id } } } }', 'QUERY.TOO_DEEP', 3],
    ['cost over 100', '{ units(first: 200) { totalCount } }', 'QUERY.TOO_COSTLY', 100],
    ['3 aliases', '{ a: unit(id: "x") { id } b: unit(id: "x") { id } c: unit(id: "x") { id } }', 'QUERY.TOO_MANY_ALIASES', 2],
    ['41 tokens', `{ ${'__typename '.repeat(39)}}`, 'QUERY.TOO_MANY_TOKENS', 40],
  ])('%s is refused', async (_name, query, reason, maximum) => {
    const result = await postOperation(server, query);
    expect(result.status).toBe(400);
    expect(result.json?.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, maximum });
  });
});
