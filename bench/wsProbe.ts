import WebSocket from 'ws';
import { TOKEN_ENDED_CLOSE_CODE } from '../src/api/shared/access/openConnections';
import { bearer } from './benchToken';

const PROTOCOL = 'graphql-transport-ws';

/** What the server answered an operation with: its errors if refused, else nothing. */
export interface WsAnswer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** How an upgrade ended: opened, or refused with an HTTP status. */
export function upgrade(url: string, origin?: string): Promise<{ socket: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    // A zero mask lets ws skip masking: the client's own work would otherwise dominate the 10 MB figure.
    const socket = new WebSocket(url, PROTOCOL, { generateMask: (mask: Buffer) => void mask.fill(0), ...(origin === undefined ? {} : { origin }) });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

/**
 * A bare graphql-transport-ws client (no retries, no lazy connect): one socket acknowledged for
 * the token, operations sent one at a time, each answered when its `error` or `complete` arrives
 * (or, if the server closes the socket, with an error carrying the close code).
 */
export class WsProbe {
  private nextId = 0;
  private closed: WsAnswer | undefined;
  private readonly pending = new Map<string, { answer: WsAnswer; resolve: (answer: WsAnswer) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('close', (code, reason) => {
      // 4401: the server no longer accepts the token.
      const errorCode = code === TOKEN_ENDED_CLOSE_CODE ? 'UNAUTHENTICATED' : 'SOCKET_CLOSED';
      this.closed = { errors: [{ message: `socket closed ${code} ${String(reason)}`.trim(), extensions: { code: errorCode, closeCode: code } }] };
      for (const waiting of this.pending.values()) waiting.resolve(this.closed);
      this.pending.clear();
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: string; type: string; payload?: unknown };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      if (message.type === 'error') waiting.answer = { errors: message.payload as WsAnswer['errors'] };
      if (message.type === 'next') waiting.answer = { errors: (message.payload as WsAnswer).errors };
      if (message.type === 'error' || message.type === 'complete') {
        this.pending.delete(message.id);
        waiting.resolve(waiting.answer);
      }
    });
  }

  /** Opens a socket and authenticates it with `token` in connection_init; rejects if the server does not acknowledge it. */
  static async open(url: string, token: string): Promise<WsProbe> {
    const opened = await upgrade(url);
    if (!('socket' in opened)) throw new Error(`WebSocket upgrade refused: HTTP ${opened.status}`);
    const { socket } = opened;
    await new Promise<void>((resolve, reject) => {
      const refused = (code: number, reason: Buffer): void => reject(new Error(`connection_init refused: socket closed ${code} ${String(reason)}`));
      socket.once('close', refused);
      socket.once('message', (data) => {
        socket.off('close', refused);
        const type = (JSON.parse(String(data)) as { type?: string }).type;
        if (type === 'connection_ack') resolve();
        else reject(new Error(`connection_init answered with ${type}, not connection_ack`));
      });
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: bearer(token) } }));
    });
    return new WsProbe(socket);
  }

  send(query: string, variables?: Record<string, unknown>): Promise<WsAnswer> {
    const id = String(++this.nextId);
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve) => {
      this.pending.set(id, { answer: {}, resolve });
      this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    });
  }

  /** Sends one text frame as given and resolves with the close code the server answers with. */
  sendAndAwaitClose(text: string | Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.socket.once('close', (code) => resolve(code));
      this.socket.send(text, { binary: false });
    });
  }

  close(): void {
    this.socket.close();
  }
}
