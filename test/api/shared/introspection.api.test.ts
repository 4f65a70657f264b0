import { postOperation } from '../support/rawHttp';
import { startTestServer, type TestServer } from '../support/testServer';

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPE = '{ __type(name: "Member") { fields { name } } }';

describe('introspection in production (NODE_ENV=production): refused on HTTP and WebSocket alike', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ env: { NODE_ENV: 'production' } })));
  afterAll(() => server.close());

  it.each([INTROSPECTION, TYPE])('%s is GRAPHQL_VALIDATION_FAILED before it runs', async (query) => {
    const http = await postOperation(server, query);
    expect(http.status).toBe(400);
    expect(http.json?.data).toBeUndefined();
    expect(http.json?.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/introspection has been disabled/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(await server.wsRaw(query)).toEqual({ errors: http.json?.errors });
  });

  it('a misspelt field is not answered with the names of the fields it resembles', async () => {
    const http = await postOperation(server, '{ unitt(id: "x") { id } }');
    expect(http.json?.errors).toEqual([
      { message: 'Cannot query field "unitt" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
    expect(await server.wsRaw('{ unitt(id: "x") { id } }')).toEqual({ errors: http.json?.errors });
  });

  it('__typename still answers', async () => {
    expect((await postOperation(server, '{ __typename }')).json).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('introspection is on in development, and in production with ORGTRACK_INTROSPECTION=true', () => {
  let servers: TestServer[];
  beforeAll(
    async () => (servers = await Promise.all([startTestServer(), startTestServer({ env: { NODE_ENV: 'production', ORGTRACK_INTROSPECTION: 'true' } })])),
  );
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('suggests field names in development', async () => {
    const http = await postOperation(servers[0], '{ unitt(id: "x") { id } }');
    expect(http.json?.errors?.[0].message).toMatch(/Did you mean "unit"/);
  });

  it('answers __schema on both transports', async () => {
    for (const server of servers) {
      expect((await postOperation(server, INTROSPECTION)).json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect(await server.wsRaw(INTROSPECTION)).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
  });
});
