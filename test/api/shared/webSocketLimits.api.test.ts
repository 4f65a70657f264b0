import WebSocket from 'ws';
import { probeResolvers } from '../support/resolverProbe';
import { startTestServer, type TestServer } from '../support/testServer';

const PROTOCOL = 'graphql-transport-ws';
const TEN_MB = 10 * 1024 * 1024;

/** How an upgrade ended: opened, or refused with an HTTP status. */
function upgrade(url: string, origin?: string): Promise<{ opened: true; socket: WebSocket } | { opened: false; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, PROTOCOL, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

/** A socket past connection_init, ready for subscribe messages. */
async function acknowledged(url: string, key: string): Promise<WebSocket> {
  const opened = await upgrade(url);
  if (!opened.opened) throw new Error(`upgrade refused: ${opened.status}`);
  const { socket } = opened;
  await new Promise<void>((resolve) => {
    socket.once('message', () => resolve());
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
  });
  return socket;
}

const closed = (socket: WebSocket): Promise<number> => new Promise((resolve) => socket.once('close', (code) => resolve(code)));

describe('WebSocket: the upgrade and the message size are limited like HTTP', () => {
  let server: TestServer;
  let wsUrl: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { ORGTRACK_ALLOWED_ORIGINS: 'https://app.example.org' } });
    wsUrl = server.url.replace('http', 'ws');
  });
  afterAll(() => server.close());

  it('an upgrade from an origin not in ORGTRACK_ALLOWED_ORIGINS is refused with 403, so no mutation can be sent from it', async () => {
    expect(await upgrade(wsUrl, 'https://evil.example')).toEqual({ opened: false, status: 403 });
    expect(await upgrade(wsUrl, 'null')).toEqual({ opened: false, status: 403 });
  });

  it('an upgrade from a listed origin, or without an Origin header, opens', async () => {
    for (const origin of ['https://app.example.org', undefined]) {
      const result = await upgrade(wsUrl, origin);
      expect(result.opened).toBe(true);
      if (result.opened) result.socket.close();
    }
  });

  it('a 10 MB message closes the socket (1009, message too big) before anything is parsed or run', async () => {
    const socket = await acknowledged(wsUrl, server.adminKey);
    const probe = probeResolvers(server);
    const stderr = jest.spyOn(console, 'error');
    try {
      const code = closed(socket);
      const query = `{ __typename } # ${'x'.repeat(TEN_MB)}`;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      expect(await code).toBe(1009);
      expect(probe.calls()).toBe(0);
      // Logged through pino, not printed with a stack.
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      probe.restore();
      stderr.mockRestore();
    }
    // The server keeps serving.
    expect(await server.wsRaw('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('a message just under the limit is read and answered', async () => {
    const socket = await acknowledged(wsUrl, server.adminKey);
    const answer = new Promise<unknown>((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)))));
    const query = `{ __typename } # ${'x'.repeat(1024 * 1024 - 200)}`;
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    expect(await answer).toEqual({ id: '1', type: 'next', payload: { data: { __typename: 'Query' } } });
    socket.close();
  });
});
