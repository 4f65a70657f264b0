import WebSocket from 'ws';
import { postOperation } from '../support/rawHttp';
import { startTestServer, type TestServer } from '../support/testServer';

function socket(server: TestServer, key: string): Promise<{ acked: boolean; closed: Promise<number>; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
    ws.once('message', (data) => resolve({ acked: (JSON.parse(String(data)) as { type: string }).type === 'connection_ack', closed, ws }));
    void closed.then(() => resolve({ acked: false, closed, ws }));
  });
}

describe('rate limits per token, on both transports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ORGTRACK_RATE_LIMIT: '6', ORGTRACK_MAX_SOCKETS_PER_TOKEN: '1' } });
  });
  afterAll(() => server.close());

  it('past its budget a token gets 429 RATE_LIMITED with Retry-After, on HTTP and WebSocket alike; another token is not affected', async () => {
    const key = await server.issueKey('ADMIN', null, 'chatty');
    const quiet = await server.issueKey('ADMIN', null, 'quiet');
    const ask = (token: string) => postOperation({ url: server.url, adminKey: token }, '{ __typename }');
    for (let sent = 0; sent < 5; sent++) expect((await ask(key)).status).toBe(200);
    const { ws, acked } = await socket(server, key);
    expect(acked).toBe(true);
    type Message = { id: string; type: string; payload: unknown };
    const overWs = await new Promise<Message[]>((resolve) => {
      const messages: Message[] = [];
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as Message;
        if (message.type !== 'complete') messages.push(message);
        if (messages.length === 2) resolve(messages);
      });
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }));
      ws.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ __typename }' } }));
    });
    // The sixth operation (the first on the socket) is answered, the seventh refused.
    expect(overWs.map((message) => message.type).sort()).toEqual(['error', 'next']);
    expect(JSON.stringify(overWs.find((message) => message.type === 'error')?.payload)).toMatch(/RATE_LIMITED/);
    const refused = await ask(key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE.OPERATIONS' });
    expect((await ask(quiet)).status).toBe(200);
    ws.close();
  });

  it('a token may hold only so many open WebSocket connections: the next is closed with 4429', async () => {
    const key = await server.issueKey('ADMIN', null, 'sockets');
    const first = await socket(server, key);
    expect(first.acked).toBe(true);
    const second = await socket(server, key);
    expect(second.acked).toBe(false);
    expect(await second.closed).toBe(4429);
    first.ws.close();
  });
});

describe('failed authentications per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ORGTRACK_TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => server.close());

  const guess = (from: string, n: number) =>
    postOperation({ url: server.url, adminKey: `otk_${String(n).padStart(16, '0')}_${'A'.repeat(43)}` }, '{ __typename }', undefined, {
      'x-forwarded-for': from,
    });

  it('after 30 failed tokens a minute an address is refused with 429 before its next token is checked; another address, and a key verified before, are not', async () => {
    expect((await postOperation(server, '{ __typename }', undefined, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(200);
    for (let n = 0; n < 30; n++) expect((await guess('10.0.0.1', n)).status).toBe(401);
    const refused = await guess('10.0.0.1', 30);
    expect(refused.status).toBe(429);
    expect(refused.json?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE.AUTHENTICATION' });
    expect((await guess('10.0.0.2', 31)).status).toBe(401);
    const verified = await postOperation(server, '{ __typename }', undefined, { 'x-forwarded-for': '10.0.0.1' });
    expect(verified.status).toBe(200);
  });
});
