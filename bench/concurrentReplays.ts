import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GraphQLSchema } from 'graphql';
import { EVENT_INDEX, type EventIndexDocument } from '../projections';
import { encodePosition } from '../src/eventstore/position';
import type { ReadStore } from '../src/readstore/readStore';
import type { HealthPollJob, HealthPollResult } from './healthPollWorker';
import type { ReplayJob, ReplayOutcome } from './replayClientsWorker';
import { fmt, notes, type Row } from './report';
import { serveApp } from './serveApp';
import { summarize } from './stats';

const REPLAYS = 20;
const BASELINE_MS = 5000;
const POLL_INTERVAL_MS = 10;
const P99_TARGET_MS = 100;

/**
 * Figure 7: `/health` latency while 20 graphql-ws clients each replay the whole log
 * (`orgEvents(after:)` from before the first event), against `/health` with no replay, same run.
 * The replay clients and the poller each run in a worker thread, off the server's event loop.
 */
export async function benchConcurrentReplays(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema): Promise<Row[]> {
  const served = await serveApp(eventsPath, readStore, schema, 1);
  try {
    const index = readStore.collection<EventIndexDocument>(EVENT_INDEX);
    const expected = await index.countDocuments({});
    const [last] = await index.find({}, { sort: { _id: -1 }, limit: 1 });
    const healthUrl = served.url.replace(/\/graphql$/, '/health');

    const idle = await pollHealthDuring(healthUrl, () => new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));
    const job: ReplayJob = {
      url: served.url.replace(/^http/, 'ws'),
      token: served.token,
      replays: REPLAYS,
      after: encodePosition(0n),
      expected,
      lastPosition: last?._id ?? '',
    };
    let outcomes: ReplayOutcome[] = [];
    const busy = await pollHealthDuring(healthUrl, async () => {
      outcomes = await inWorker<ReplayOutcome[]>('replayClientsWorker.js', job);
    });

    const refused = outcomes.filter((outcome) => outcome.accessRefused);
    if (refused.length > 0) throw new Error(`the server refused the bench's token to ${refused.length} of ${REPLAYS} replays: ${refused[0].error}`);
    const complete = outcomes.filter((outcome) => outcome.complete && outcome.ordered).length;
    for (const outcome of outcomes.filter((o) => o.error !== undefined)) notes.push(`replay ended with ${outcome.error} after ${outcome.received} events`);
    const replayMs = summarize(outcomes.map((outcome) => outcome.ms));
    const base = summarize(idle.latenciesMs);
    const during = summarize(busy.latenciesMs);
    for (const result of [idle, busy]) if (result.errors > 0) notes.push(`/health: ${result.errors} requests failed, first: ${result.firstError}`);
    const name = `7  /health during ${REPLAYS} replays of ${fmt.int(expected)} events`;
    return [
      {
        name: `${name} p50 (n=${during.count})`,
        figure: fmt.ms(during.p50),
        baseline: `${fmt.ms(base.p50)} (no replay)`,
        ratio: fmt.ratio(during.p50 / base.p50),
        target: '',
        pass: undefined,
      },
      {
        name: `${name} p99`,
        figure: fmt.ms(during.p99),
        baseline: `${fmt.ms(base.p99)} (no replay)`,
        ratio: fmt.ratio(during.p99 / base.p99),
        target: `p99 < ${P99_TARGET_MS} ms`,
        pass: during.p99 < P99_TARGET_MS,
      },
      {
        name: `7  replays complete and in order (replay took p50 ${fmt.ms(replayMs.p50)}, slowest ${fmt.ms(replayMs.max)})`,
        figure: `${complete}/${REPLAYS}`,
        baseline: '',
        ratio: '',
        target: `${REPLAYS}/${REPLAYS}`,
        pass: complete === REPLAYS,
      },
    ];
  } finally {
    await served.close();
  }
}

/** Polls `/health` in a worker for as long as `during` runs. */
async function pollHealthDuring(url: string, during: () => Promise<void>): Promise<HealthPollResult> {
  const job: HealthPollJob = { url, intervalMs: POLL_INTERVAL_MS };
  const worker = new Worker(path.join(__dirname, 'healthPollWorker.js'), { workerData: job });
  const result = new Promise<HealthPollResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  try {
    await during();
  } finally {
    worker.postMessage('stop');
  }
  const polled = await result;
  await worker.terminate();
  return polled;
}

function inWorker<T>(file: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, file), { workerData });
    worker.once('message', (message: T) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
}
