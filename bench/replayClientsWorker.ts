import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TOKEN_ENDED_CLOSE_CODE } from '../src/api/shared/access/openConnections';
import { ACCESS_REFUSED, bearer } from './benchToken';
import { now } from './stats';

/** Worker-thread entry: `replays` graphql-ws clients each replay the whole log with `orgEvents(after:)`. */
export interface ReplayJob {
  /** `ws://host:port/graphql` */
  url: string;
  /** Sent as `authorization` in every client's connection_init. */
  token: string;
  replays: number;
  /** Where every replay starts (exclusive): before the first event. */
  after: string;
  /** Events in the log: a replay is complete once it has received this many. */
  expected: number;
  /** The position of the last event in the log: a complete replay ends on it. */
  lastPosition: string;
}

export interface ReplayOutcome {
  received: number;
  /** Every position greater than the one before: in order, no repeat. */
  ordered: boolean;
  complete: boolean;
  ms: number;
  error?: string;
  /** The server refused the token (4401 close, UNAUTHENTICATED or FORBIDDEN): the replay never ran. */
  accessRefused?: boolean;
}

const ORG_EVENTS = 'subscription ($after: String) { orgEvents(after: $after) { id type stream position effectiveDate recordedAt data } }';
type OrgEvent = { orgEvents: { position: string } };

const job = workerData as ReplayJob;

function replay(): Promise<ReplayOutcome> {
  const client = createClient({
    url: job.url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: bearer(job.token) },
  });
  const start = now();
  const outcome: ReplayOutcome = { received: 0, ordered: true, complete: false, ms: 0 };
  let last = '';
  let finished = false;
  return new Promise((resolve) => {
    const finish = (error?: string, cause?: unknown): void => {
      if (finished) return;
      finished = true;
      outcome.ms = now() - start;
      if (error !== undefined) outcome.error = error;
      if (cause !== undefined && refusesAccess(cause)) outcome.accessRefused = true;
      unsubscribe();
      void client.dispose();
      resolve(outcome);
    };
    const unsubscribe = client.subscribe<OrgEvent>(
      { query: ORG_EVENTS, variables: { after: job.after } },
      {
        next: (result) => {
          const position = result.data?.orgEvents.position;
          if (position === undefined) return finish(JSON.stringify(result.errors), result.errors);
          if (position <= last) outcome.ordered = false;
          last = position;
          outcome.received++;
          if (outcome.received === job.expected) {
            outcome.complete = last === job.lastPosition;
            finish();
          }
        },
        error: (error) => finish(describe(error), error),
        complete: () => finish('completed early'),
      },
    );
  });
}

/** What ended a replay: an Error, GraphQL errors, or the socket's CloseEvent. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return `socket closed ${String(code)} ${String(reason ?? '')}`;
  }
  return JSON.stringify(error);
}

/** Whether what ended a replay was the server turning the token away. */
function refusesAccess(cause: unknown): boolean {
  if (Array.isArray(cause)) {
    return (cause as { extensions?: { code?: unknown } }[]).some(
      (error) => typeof error.extensions?.code === 'string' && ACCESS_REFUSED.has(error.extensions.code),
    );
  }
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === TOKEN_ENDED_CLOSE_CODE;
}

void Promise.all(Array.from({ length: job.replays }, () => replay())).then((outcomes) => parentPort!.postMessage(outcomes));
