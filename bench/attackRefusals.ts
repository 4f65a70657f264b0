import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { GraphQLSchema } from 'graphql';
import { MEMBERS, type MemberDocument } from '../projections';
import type { ReadStore } from '../src/readstore/readStore';
import { FLOOR, type AttackRun, type Series } from './attackClient';
import type { AttackJob } from './attackClientWorker';
import { fmt, notes, type Row } from './report';
import { serveApp } from './serveApp';

const P99_TARGET_MS = 50;

type WorkerMessage = { kind: 'floors done' } | { kind: 'done'; run: AttackRun } | { kind: 'failed'; error: string };

/**
 * Figure 7: how fast the attacks of the probe are refused (bench/attackDocuments.ts, the
 * documents the API tests send, over HTTP and WebSocket; plus a 10 MB body and message, a batch
 * of 100 operations and a cross-origin socket), each sent one after another from a client in a
 * worker thread, against `{ __typename }` measured the same way on the same transport just
 * before; and the server's memory (after a full GC) before and after the attacks.
 */
export async function benchAttackRefusals(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, districtId: string): Promise<Row[]> {
  const [member] = await readStore.collection<MemberDocument>(MEMBERS).find({}, { limit: 1, projection: { _id: 1 } });
  const served = await serveApp(eventsPath, readStore, schema, 1);
  try {
    const start = memory();
    let before = start;
    const run = await new Promise<AttackRun>((resolve, reject) => {
      const job: AttackJob = { endpoint: { url: served.url, token: served.token }, targets: { unitId: districtId, memberId: member?._id ?? 'no-member' } };
      const worker = new Worker(path.join(__dirname, 'attackClientWorker.js'), { workerData: job });
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'floors done') before = memory();
        else {
          void worker.terminate();
          if (message.kind === 'done') resolve(message.run);
          else reject(new Error(message.error));
        }
      });
      worker.once('error', reject);
    });
    const after = memory();
    const rows = run.attacks.map((series) => row(series, run.floors[series.transport]));
    rows.push({
      name: `7  server memory before → after the attacks`,
      figure: `rss ${mb(before.rss)} → ${mb(after.rss)}, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
      baseline: `rss ${mb(start.rss)} → ${mb(before.rss)}, heap ${mb(start.heapUsed)} → ${mb(before.heapUsed)} over the ${FLOOR} runs`,
      ratio: fmt.ratio(after.heapUsed / before.heapUsed),
      target: '',
      pass: undefined,
    });
    notes.push('7  memory is the whole process after a full GC: the server with the demo read models (the client runs in a worker thread)');
    return rows;
  } finally {
    await served.close();
  }
}

function row(series: Series, floor: Series): Row {
  const label = `${series.name}, ${series.transport}`;
  if (series.wrong > 0)
    notes.push(`7  ${label}: ${series.wrong} of ${series.summary.count} answers were not the refusal expected, first: ${series.firstWrong}`);
  const { p50, p99, count } = series.summary;
  return {
    name: `7  ${label} (n=${count})`,
    figure: `p99 ${fmt.ms(p99)} (p50 ${fmt.ms(p50)})`,
    baseline: `p99 ${fmt.ms(floor.summary.p99)} (p50 ${fmt.ms(floor.summary.p50)}) ${FLOOR}`,
    ratio: fmt.ratio(p99 / floor.summary.p99),
    target: `refused, p99 < ${P99_TARGET_MS} ms`,
    pass: series.wrong === 0 && p99 < P99_TARGET_MS,
  };
}

/** The process's memory after a full collection (the bench runs without --expose-gc). */
function memory(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage();
}

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
