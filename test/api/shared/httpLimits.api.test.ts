import http from 'node:http';
import { postOperation, postRaw, type RawResponse } from '../support/rawHttp';
import { probeResolvers, type ResolverProbe } from '../support/resolverProbe';
import { startTestServer, type TestServer } from '../support/testServer';

const TEN_MB = 10 * 1024 * 1024;

describe('HTTP: requests refused before GraphQL answer as JSON GraphQL errors, with the right status and no stack', () => {
  let server: TestServer;
  let probe: ResolverProbe;
  let stderr: jest.SpyInstance;
  beforeAll(async () => (server = await startTestServer({ env: { ORGTRACK_ALLOWED_ORIGINS: 'https://app.example.org' } })));
  afterAll(() => server.close());
  beforeEach(() => {
    probe = probeResolvers(server);
    stderr = jest.spyOn(console, 'error');
  });
  afterEach(() => {
    // Nothing that was refused ran a resolver, and nothing was printed to stderr.
    expect(probe.calls()).toBe(0);
    expect(stderr).not.toHaveBeenCalled();
    probe.restore();
    stderr.mockRestore();
  });

  const expectJsonError = (response: RawResponse, status: number, code: string): void => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json?.errors).toEqual([{ message: expect.any(String), extensions: expect.objectContaining({ code }) }]);
    expect(response.text).not.toMatch(/<html|<pre>|\bat .*\.js|node_modules/i);
  };

  it('a 10 MB body is 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(TEN_MB) } });
    expectJsonError(await postRaw(server.url, body), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a 10 MB body sent in chunks (no Content-Length) is 413 PAYLOAD_TOO_LARGE too', async () => {
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        server.url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write('{"query":"{ __typename }","variables":{"padding":"');
      for (let sent = 0; sent < TEN_MB; sent += 1024 * 1024) request.write('x'.repeat(1024 * 1024));
      request.end('"}}');
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('invalid JSON is 400 BAD_REQUEST', async () => {
    expectJsonError(await postRaw(server.url, '{ "query": '), 400, 'BAD_REQUEST');
  });

  it('a null body is 400 BAD_REQUEST', async () => {
    expectJsonError(await postRaw(server.url, 'null'), 400, 'BAD_REQUEST');
  });

  it('a charset other than UTF-8 is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    expectJsonError(
      await postRaw(server.url, '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin1' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('a batch (an array of operations) is 400 BAD_REQUEST: one operation per request', async () => {
    const batch = JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ units(first: 500) { totalCount } }' })));
    const response = await postRaw(server.url, batch, { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}` });
    expectJsonError(response, 400, 'BAD_REQUEST');
    expect(response.json?.errors?.[0].message).toMatch(/batching/i);
  });

  it('a browser form post (text/plain, no preflight) is refused as a possible CSRF', async () => {
    const response = await postRaw(server.url, '{"query":"mutation { __typename }"}', { 'content-type': 'text/plain' });
    expectJsonError(response, 400, 'BAD_REQUEST');
    expect(response.json?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('a browser request from an origin not in ORGTRACK_ALLOWED_ORIGINS is 403 FORBIDDEN', async () => {
    expectJsonError(await postOperation(server, '{ __typename }', undefined, { origin: 'https://evil.example' }), 403, 'FORBIDDEN');
  });

  it('answers without x-powered-by', async () => {
    const response = await postRaw(server.url, 'null');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('HTTP: what is allowed still answers', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ env: { ORGTRACK_ALLOWED_ORIGINS: 'https://app.example.org, http://localhost:5173' } })));
  afterAll(() => server.close());

  it('from a listed origin, or without an Origin header (not a browser)', async () => {
    for (const headers of [{ origin: 'https://app.example.org' }, { origin: 'http://localhost:5173' }, {}] as Record<string, string>[]) {
      const response = await postOperation(server, '{ __typename }', undefined, headers);
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ data: { __typename: 'Query' } });
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});
