import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import type { Role } from '../../../src/domain/access/role';
import { fixedClock as stoppedAt, type Clock } from '../../../src/app/clock';
import { loadConfig } from '../../../src/app/config';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { buildOrgtrackSchema } from '../../../src/api/schema';
import { startServer, type RunningServer } from '../../../src/api/server';
import type { EventStore } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';

/** "Today" for every API test, so that rules about future dates are deterministic. */
export const TODAY = '2026-06-15';
export const fixedClock: Clock = stoppedAt(`${TODAY}T09:30:00Z`, 'Asia/Shanghai');

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

export interface TestServer {
  app: OrgtrackApp;
  url: string;
  /** The ADMIN key every request sends unless told otherwise. */
  adminKey: string;
  /** Issues a key (as `orgtrack tokens create` does) and waits until the server knows it. */
  issueKey(role: Role, unitId: string | null, name?: string): Promise<string>;
  /** `http://127.0.0.1:<port>/health` */
  healthUrl: string;
  /** POSTs an operation over real HTTP. */
  request<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** POSTs an operation and fails the test if it has errors. */
  ok<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<T>;
  /** POSTs a raw query string (for inline-literal tests). */
  raw(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>>;
  /** Sends a query or mutation over graphql-ws (one shared client), answering as `request` does. */
  wsRequest<T, V>(document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphQLResponse<T>>;
  /** Sends a raw query string over graphql-ws (the shared client). */
  wsRaw(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>>;
  /** A graphql-ws client on the same server, sending the admin key (or `key`; null: none). */
  wsClient(key?: string | null): Client;
  close(): Promise<void>;
}

/**
 * Starts the whole service (in-memory SQLite log, embedded read store) on a random loopback port,
 * with an ADMIN key issued for its requests (or `adminKey`, issued by an earlier start on the same log).
 * `clock` (default `fixedClock`) is where the service reads the time it records events at; `env`
 * is merged into the environment the configuration is read from (NODE_ENV, ORGTRACK_MAX_REPLAYS, …);
 * `eventStorePollMs` is how often the log looks for commits by other connections to its file (default 200 ms).
 * With `dataDir`, the service is the embedded default of `orgtrack serve` in that folder: its log is
 * `events.sqlite` there (unless `eventStorePath`), and its read models are restored from the
 * folder's snapshot at start and saved there at close.
 */
export async function startTestServer(
  options: {
    eventStorePath?: string;
    eventStorePollMs?: number;
    clock?: Clock;
    adminKey?: string;
    env?: Record<string, string>;
    dataDir?: string;
    /** Puts a fault hook between the service and its log. */
    wrapEventStore?: (store: EventStore) => EventStore;
  } = {},
): Promise<TestServer> {
  const { dataDir } = options;
  // Tests send thousands of operations with one token: rate limits are tested on their own.
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    ORGTRACK_RATE_LIMIT: '10000000',
    ...(dataDir ? { ORGTRACK_DATA_DIR: dataDir } : {}),
    ...options.env,
  });
  const eventStorePath = options.eventStorePath ?? (dataDir ? path.join(dataDir, 'events.sqlite') : ':memory:');
  const app = await createApp(config, {
    clock: options.clock ?? fixedClock,
    eventStore: (options.wrapEventStore ?? ((store) => store))(
      SqliteEventStore.open({ path: eventStorePath, synchronous: 'NORMAL', pollIntervalMs: options.eventStorePollMs }),
    ),
    ...(dataDir ? { snapshots: {} } : { readStore: new EmbeddedReadStore() }),
  });
  const server: RunningServer = await startServer(app, await buildOrgtrackSchema(), {
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    limits: config.limits,
  });
  let issued = 0;
  const issueKey = async (role: Role, unitId: string | null, name = `test-${role.toLowerCase()}-${++issued}`): Promise<string> => {
    const key = await app.apiKeys.issue({ name, role, unitId, expires: null }, { actor: 'test' });
    await app.projector.waitFor(key.position);
    return key.key;
  };
  // A restart on the same log passes the first start's key (it is in the log already).
  const adminKey = options.adminKey ?? (await issueKey('ADMIN', null, `test-admin-${randomBytes(4).toString('hex')}`));
  const clients: Client[] = [];
  let shared: Client | undefined;
  const newClient = (key: string | null = adminKey): Client => {
    const client = createClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: key === null ? undefined : { authorization: `Bearer ${key}` },
    });
    clients.push(client);
    return client;
  };

  const post = async (body: object, headers: Record<string, string> = {}): Promise<GraphQLResponse<never>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}`, ...headers },
      body: JSON.stringify(body),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };

  const wsSend = <T>(query: string, variables: Record<string, unknown> | undefined): Promise<GraphQLResponse<T>> => {
    shared ??= newClient();
    const client = shared;
    return new Promise((resolve, reject) => {
      let answer: GraphQLResponse<T> = {};
      client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            answer = { data: result.data ?? null, errors: result.errors ? [...result.errors] : undefined };
          },
          // Errors that refuse the operation before it runs arrive as a list on the error sink.
          error: (error) =>
            Array.isArray(error) ? resolve({ errors: error as GraphQLFormattedError[] }) : reject(error instanceof Error ? error : new Error(String(error))),
          complete: () => resolve(answer),
        },
      );
    });
  };

  return {
    app,
    url: server.url,
    adminKey,
    issueKey,
    healthUrl: server.url.replace(/\/graphql$/, '/health'),
    request: (document, variables, headers) => post({ query: print(document), variables }, headers),
    async ok(document, variables) {
      const result = await post({ query: print(document), variables });
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as never;
    },
    raw: (query, variables) => post({ query, variables }),
    wsRequest: <T, V>(document: TypedDocumentNode<T, V>, variables?: V) => wsSend<T>(print(document), variables as Record<string, unknown> | undefined),
    wsRaw: (query, variables) => wsSend(query, variables),
    wsClient: newClient,
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await server.close();
      await app.close();
    },
  };
}

/** The first error's extensions.code and message, for assertions. */
export function firstError(result: GraphQLResponse<unknown>): { code: unknown; message: string; field: unknown } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, message: error?.message ?? '', field: error?.extensions?.field };
}

/** Collects `count` results of a subscription (or fails after `timeoutMs`). */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, count: number, timeoutMs = 5000): Promise<ExecutionResult<T>[]> {
  return new Promise((resolve, reject) => {
    const results: ExecutionResult<T>[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`expected ${count} results within ${timeoutMs} ms, got ${results.length}: ${JSON.stringify(results)}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          results.push(result as ExecutionResult<T>);
          if (results.length === count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(results);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => undefined,
      },
    );
  });
}
