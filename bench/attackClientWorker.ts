import { parentPort, workerData } from 'node:worker_threads';
import type { AttackTargets } from './attackDocuments';
import { runAttacks } from './attackClient';
import type { Endpoint } from './httpLoad';

/** Worker-thread entry of figure 7: the attacking client runs off the server's event loop. */
export interface AttackJob {
  /** The URL and the token (the worker cannot reach the main thread's). */
  endpoint: Endpoint;
  targets: AttackTargets;
}

const job = workerData as AttackJob;
runAttacks(job.endpoint, job.targets, () => parentPort!.postMessage({ kind: 'floors done' })).then(
  (run) => parentPort!.postMessage({ kind: 'done', run }),
  (error: unknown) => parentPort!.postMessage({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
