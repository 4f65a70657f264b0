import { parentPort, workerData } from 'node:worker_threads';
import type { AttackTargets } from './attackDocuments';
import { runAttacks } from './attackClient';

/** Worker-thread entry of figure 7: the attacking client runs off the server's event loop. */
export interface AttackJob {
  url: string;
  targets: AttackTargets;
}

const job = workerData as AttackJob;
runAttacks(job.url, job.targets, () => parentPort!.postMessage({ kind: 'floors done' })).then(
  (run) => parentPort!.postMessage({ kind: 'done', run }),
  (error: unknown) => parentPort!.postMessage({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
