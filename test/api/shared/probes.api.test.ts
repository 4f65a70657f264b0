import { RegisterMemberDocument, UnitsDocument } from '../generated/graphql';
import { buildTree, type Tree } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/testServer';

const probe = async (server: TestServer, path: string) => {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};

describe('/healthz, /readyz and /metrics over HTTP', () => {
  let server: TestServer;
  let tree: Tree;
  beforeAll(async () => {
    server = await startTestServer();
    tree = await buildTree(server);
  });
  afterAll(() => server.close());

  it('says the process is up and ready while the projector follows the log', async () => {
    expect(await probe(server, '/healthz')).toMatchObject({ status: 200 });
    const ready = await probe(server, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready', problems: [] });
  });

  it('counts operations by type and root field, over HTTP and the WebSocket, and their errors by code', async () => {
    await server.ok(UnitsDocument, {});
    await server.wsRequest(UnitsDocument, {});
    await server.request(RegisterMemberDocument, { input: { name: '', branchId: tree.branchA1, status: 'FULL' } });
    const metrics = await probe(server, '/metrics');
    expect(metrics.type).toContain('text/plain');
    expect(metrics.text).toMatch(/orgtrack_graphql_requests_total\{operation="query units",transport="http"\} [1-9]/);
    expect(metrics.text).toMatch(/orgtrack_graphql_requests_total\{operation="query units",transport="websocket"\} [1-9]/);
    expect(metrics.text).toMatch(/orgtrack_graphql_errors_total\{operation="mutation registerMember",code="BAD_USER_INPUT"\} 1/);
    expect(metrics.text).toMatch(/orgtrack_graphql_request_duration_seconds_count\{operation="query units"\} [1-9]/);
    expect(metrics.text).toMatch(/orgtrack_projector_running 1/);
    expect(metrics.text).toMatch(/orgtrack_projector_events_applied [1-9]/);
  });

  it('says 503 with the reason once the projector no longer follows the log, while /healthz still says up', async () => {
    await server.app.projector.stop();
    const ready = await probe(server, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'unavailable', problems: ['the projector is stopped'] });
    expect((await probe(server, '/healthz')).status).toBe(200);
    expect((await probe(server, '/metrics')).text).toMatch(/orgtrack_projector_running 0/);
  });
});
