import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { MongoClient } from 'mongodb';

/** The production servers are not set, or not reachable: the line says which and why. */
export class ServersUnreachable extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'ServersUnreachable';
  }
}

export interface ServerUrls {
  eventStoreUrl: string | undefined;
  mongoUrl: string | undefined;
}

/**
 * `orgtrack check-servers`, the first step of `npm run test:production`: both URLs set, the
 * EventStoreDB answering a read of `$all`, MongoDB answering as a replica set (majority writes
 * need one). So that the production tests fail, rather than skip, when a server is missing.
 */
export async function checkServers({ eventStoreUrl, mongoUrl }: ServerUrls, timeoutMs = 5_000): Promise<string[]> {
  const problems: string[] = [];
  const found: string[] = [];
  if (!eventStoreUrl) problems.push('EVENTSTORE_URL is not set (e.g. esdb://127.0.0.1:2113?tls=false)');
  if (!mongoUrl) problems.push('MONGODB_URL is not set (e.g. mongodb://127.0.0.1:27017/orgtrack?directConnection=true)');
  const checks: Promise<void>[] = [];
  if (eventStoreUrl) {
    checks.push(
      eventStoreAnswers(eventStoreUrl, timeoutMs).then(
        () => void found.push(`EventStoreDB at ${eventStoreUrl}`),
        (error: unknown) => void problems.push(`EventStoreDB at ${eventStoreUrl} does not answer: ${messageOf(error)}`),
      ),
    );
  }
  if (mongoUrl) {
    checks.push(
      replicaSetOf(mongoUrl, timeoutMs).then(
        (set) => void found.push(`MongoDB replica set ${set}`),
        (error: unknown) => void problems.push(`MongoDB at ${mongoUrl}: ${messageOf(error)}`),
      ),
    );
  }
  await Promise.all(checks);
  if (problems.length > 0) throw new ServersUnreachable(problems);
  return found;
}

async function eventStoreAnswers(url: string, timeoutMs: number): Promise<void> {
  const client = EventStoreDBClient.connectionString(url);
  try {
    for await (const _event of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: timeoutMs })) break;
  } finally {
    await client.dispose();
  }
}

async function replicaSetOf(url: string, timeoutMs: number): Promise<string> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    const hello = await client.db('admin').command({ hello: 1 });
    const setName: unknown = hello.setName;
    if (typeof setName !== 'string') throw new Error('not a replica set member (majority writes and the lease need one)');
    return setName;
  } finally {
    await client.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
