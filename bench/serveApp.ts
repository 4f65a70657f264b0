import pino from 'pino';
import type { GraphQLSchema } from 'graphql';
import { createApp, type OrgtrackApp } from '../src/app/orgtrackApp';
import { startServer } from '../src/api/server';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import type { ReadStore } from '../src/readstore/readStore';
import { benchConfig, benchToken } from './benchToken';
import { GraphqlClient, type Endpoint } from './httpLoad';

export interface ServedApp extends Endpoint {
  app: OrgtrackApp;
  /** Sends `token` on every request. */
  client: GraphqlClient;
  close(): Promise<void>;
}

/**
 * The app on an existing log and already-built read models, served over HTTP on 127.0.0.1 at a
 * random port, with a keep-alive client. The server accepts the bench's JWT (`token`, ADMIN), so
 * that no API key has to be written to the log. Closing it leaves the read store intact.
 */
export async function serveApp(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, connections: number): Promise<ServedApp> {
  const eventStore = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  const config = benchConfig();
  const token = await benchToken();
  const app = await createApp(config, { eventStore, readStore: keepOpen(readStore) });
  await app.projector.catchUp();
  const server = await startServer(app, schema, { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), limits: config.limits });
  const client = new GraphqlClient({ url: server.url, token }, connections);
  return {
    app,
    url: server.url,
    token,
    client,
    async close() {
      client.close();
      await server.close();
      await app.close();
    },
  };
}

/** The same store, but `close()` does not clear it (several apps use it one after another). */
export function keepOpen(inner: ReadStore): ReadStore {
  return {
    collection: (name) => inner.collection(name),
    listCollections: () => inner.listCollections(),
    createScratch: () => inner.createScratch(),
    adopt: (scratch) => inner.adopt(scratch),
    history: inner.history,
    close: async () => undefined,
  };
}
