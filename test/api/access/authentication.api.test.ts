import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { postOperation } from '../support/rawHttp';
import { startTestServer, type TestServer } from '../support/testServer';

const SECRET = 'a-shared-secret-of-at-least-32-characters!';
const JWT_ENV = { ORGTRACK_JWT_ISSUER: 'https://idp.example', ORGTRACK_JWT_AUDIENCE: 'orgtrack', ORGTRACK_JWT_SECRET: SECRET };

/** The close code and reason of a graphql-ws socket that sent `payload` in connection_init. */
function connect(
  server: TestServer,
  payload: Record<string, unknown> | undefined,
): Promise<{ socket: WebSocket; acked: boolean; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.once('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.once('message', (data) => resolve({ socket, acked: (JSON.parse(String(data)) as { type: string }).type === 'connection_ack', closed }));
    void closed.then(() => resolve({ socket, acked: false, closed }));
  });
}

function jwt(claims: Record<string, unknown>, expires: string | number = '1h', secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://idp.example')
    .setAudience('orgtrack')
    .setSubject('alice@idp.example')
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}

describe('authentication: bearer tokens on HTTP and in connection_init', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: JWT_ENV });
  });
  afterAll(() => server.close());

  const ask = (authorization: string | undefined) =>
    postOperation(server, '{ units(first: 1) { totalCount } }', undefined, authorization === undefined ? { authorization: '' } : { authorization });

  it('no token, a malformed header, an unknown or mangled key: 401 UNAUTHENTICATED, nothing answered', async () => {
    const unknown = `otk_${'0'.repeat(16)}_${'A'.repeat(43)}`;
    const mangled = `${server.adminKey.slice(0, -1)}${server.adminKey.endsWith('A') ? 'B' : 'A'}`;
    for (const [authorization, reason] of [
      [undefined, 'TOKEN.MISSING'],
      [`Basic ${Buffer.from('a:b').toString('base64')}`, 'TOKEN.MALFORMED'],
      ['Bearer otk_short', 'TOKEN.MALFORMED'],
      [`Bearer ${unknown}`, 'TOKEN.UNKNOWN'],
      [`Bearer ${mangled}`, 'TOKEN.UNKNOWN'],
    ] as const) {
      const response = await ask(authorization);
      expect(response.json?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      expect(response.json?.data ?? null).toBeNull();
      expect(response.status).toBe(401);
    }
    expect((await ask(`Bearer ${server.adminKey}`)).json?.data).toEqual({ units: { totalCount: 0 } });
  });

  it('a WebSocket without a valid token is closed with 4401 before any operation', async () => {
    for (const payload of [undefined, {}, { authorization: 'Bearer nope' }]) {
      const { acked, closed } = await connect(server, payload);
      expect(acked).toBe(false);
      expect((await closed).code).toBe(4401);
    }
    const { acked, socket } = await connect(server, { authorization: `Bearer ${server.adminKey}` });
    expect(acked).toBe(true);
    socket.close();
  });

  it('a JWT of the configured issuer acts with the role and unit of its claims; a wrong secret, audience or an expired one is refused', async () => {
    const admin = await jwt({ orgtrack_role: 'admin' });
    expect((await ask(`Bearer ${admin}`)).json?.data).toEqual({ units: { totalCount: 0 } });
    const viewer = await jwt({ orgtrack_role: 'VIEWER', orgtrack_unit: 'u1' });
    expect(
      (
        await postOperation(server, 'mutation { renameUnit(input: { unitId: "u1", name: "x" }) { position } }', undefined, {
          authorization: `Bearer ${viewer}`,
        })
      ).json?.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    for (const [token, reason] of [
      [await jwt({ orgtrack_role: 'ADMIN' }, '1h', 'another-secret-of-at-least-32-characters'), 'TOKEN.INVALID_JWT'],
      [await jwt({ orgtrack_role: 'ADMIN' }, Math.floor(Date.now() / 1000) - 60), 'TOKEN.EXPIRED'],
      [await jwt({ orgtrack_role: 'OWNER' }), 'TOKEN.INVALID_JWT'],
      [await jwt({ orgtrack_role: 'ORGANIZER' }), 'TOKEN.INVALID_JWT'],
    ] as const) {
      expect((await ask(`Bearer ${token}`)).json?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    }
  });

  it('two keys issued at once under names that look the same: one is issued, the other refused as in use', async () => {
    const results = await Promise.allSettled([
      server.app.apiKeys.issue({ name: 'Twin', role: 'ADMIN', unitId: null, expires: null }, { actor: 'test' }),
      server.app.apiKeys.issue({ name: 'ｔｗｉｎ', role: 'ADMIN', unitId: null, expires: null }, { actor: 'test' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'TOKEN.NAME_IN_USE' });
  });

  it('a key revoked while in use stops working within seconds, and its open WebSocket is closed with 4401 within 5 s', async () => {
    const key = await server.issueKey('ADMIN', null, 'soon-revoked');
    const { acked, closed } = await connect(server, { authorization: `Bearer ${key}` });
    expect(acked).toBe(true);
    expect((await ask(`Bearer ${key}`)).json?.data).toBeDefined();
    const revokedAt = Date.now();
    const { position } = await server.app.apiKeys.revoke('soon-revoked', { actor: 'test' });
    await server.app.projector.waitFor(position);
    const { code, reason } = await closed;
    expect(code).toBe(4401);
    expect(reason).toMatch(/soon-revoked/);
    expect(Date.now() - revokedAt).toBeLessThan(5000);
    let refused = false;
    for (let tries = 0; tries < 30 && !refused; tries++) {
      refused = (await ask(`Bearer ${key}`)).json?.errors?.[0]?.extensions?.reason === 'TOKEN.REVOKED';
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toBe(true);
  });
});
