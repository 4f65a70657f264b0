import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { now } from './stats';

/** Worker-thread entry: GETs `/health` one request at a time until told to stop, then reports each latency. */
export interface HealthPollJob {
  /** `http://host:port/health` */
  url: string;
  /** Pause between an answer and the next request, in ms. */
  intervalMs: number;
}

export interface HealthPollResult {
  latenciesMs: number[];
  errors: number;
  firstError?: string;
}

const job = workerData as HealthPollJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stopping = false;
parentPort!.on('message', () => {
  stopping = true;
});

function get(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(job.url, { agent }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function poll(): Promise<HealthPollResult> {
  const result: HealthPollResult = { latenciesMs: [], errors: 0 };
  while (!stopping) {
    const start = now();
    try {
      await get();
      result.latenciesMs.push(now() - start);
    } catch (error) {
      result.errors++;
      result.firstError ??= error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, job.intervalMs));
  }
  return result;
}

void poll().then((result) => {
  agent.destroy();
  parentPort!.postMessage(result);
});
