import { parentPort, workerData } from 'node:worker_threads';
import { GraphqlClient, runLoad, type Endpoint, type GraphqlRequest, type LoadOptions } from './httpLoad';

/** Worker-thread entry: the load loop runs off the server's event loop (see `runLoadInWorker`). */
export interface LoadJob {
  /** The URL and the token (the worker cannot reach the main thread's). */
  endpoint: Endpoint;
  request: GraphqlRequest;
  options: LoadOptions;
}

const job = workerData as LoadJob;
const client = new GraphqlClient(job.endpoint, job.options.concurrency);
runLoad(client, job.request, job.options).then(
  (result) => {
    client.close();
    parentPort!.postMessage({ ok: true, result });
  },
  (error: unknown) => {
    client.close();
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  },
);
