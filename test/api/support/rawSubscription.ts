import WebSocket from 'ws';
import type { TestServer } from './testServer';

/** A graphql-transport-ws message as the server sends it. */
export interface ServerMessage {
  id?: string;
  type: string;
  payload?: unknown;
}

/**
 * One subscription over a bare graphql-transport-ws socket, so that a test can stop reading
 * from it (`pause`) like a stuck integrator, which a graphql-ws client cannot do.
 */
export class RawSubscription {
  readonly messages: ServerMessage[] = [];
  /** Resolves with the close code once the socket closed. */
  readonly closed: Promise<number>;
  private listeners: (() => void)[] = [];

  private constructor(private readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const listener of this.listeners) listener();
    });
  }

  /** Connects, waits for connection_ack, then subscribes with id `1`. */
  static async open(server: TestServer, query: string, variables: Record<string, unknown> = {}): Promise<RawSubscription> {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const subscription = new RawSubscription(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${server.adminKey}` } }));
    await subscription.next((message) => message.type === 'connection_ack');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
    return subscription;
  }

  /** Stops reading from the socket: what the server sends stays in the socket buffers. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** The first message, received or to come, that `matches`. */
  next(matches: (message: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== check);
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${this.messages.length} messages`));
      }, timeoutMs);
      const check = (): void => {
        const found = this.messages.find(matches);
        if (found === undefined) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== check);
        resolve(found);
      };
      this.listeners.push(check);
      check();
    });
  }

  /** The `position` of every `next` message received, in order. */
  positions(): string[] {
    return this.messages.filter((message) => message.type === 'next').map((message) => positionOf(message));
  }

  /** Closes the socket (reading again, so that the closing handshake can complete). */
  close(): Promise<number> {
    this.socket.resume();
    this.socket.close();
    return this.closed;
  }

  /** Drops the socket at once, whatever state it is in. */
  terminate(): void {
    this.socket.terminate();
  }
}

function positionOf(message: ServerMessage): string {
  const payload = message.payload as { data?: { orgEvents?: { position?: string } } };
  const position = payload.data?.orgEvents?.position;
  if (position === undefined) throw new Error(`not an orgEvents result: ${JSON.stringify(message)}`);
  return position;
}
