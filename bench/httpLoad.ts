import http from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { now } from './stats';

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface LoadOptions {
  /** Requests in flight at once (one keep-alive connection each). */
  concurrency: number;
  /** Stop after this many measured requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxMs: number;
  /** Unmeasured requests first (JIT, caches, connections). */
  warmup: number;
}

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
  firstError?: string;
}

export interface GraphqlResponse {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A keep-alive HTTP client for one GraphQL endpoint (no dependencies beyond node:http). */
export class GraphqlClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, maxSockets: number) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(request: GraphqlRequest): Promise<GraphqlResponse> {
    const payload = Buffer.from(JSON.stringify(request));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphqlResponse['body'] });
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `concurrency` loops each sending the request again as soon as its answer arrived. */
export async function runLoad(client: GraphqlClient, request: GraphqlRequest, options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { latenciesMs: [], elapsedMs: 0, errors: 0 };
  const fail = (message: string): void => {
    result.errors++;
    result.firstError ??= message;
  };
  const once = async (): Promise<number> => {
    const start = now();
    try {
      const response = await client.post(request);
      const elapsed = now() - start;
      if (response.status !== 200 || response.body.errors) {
        fail(`HTTP ${response.status}: ${response.body.errors?.[0]?.message ?? 'no data'}`);
      }
      return elapsed;
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return now() - start;
    }
  };

  let warmupLeft = options.warmup;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (warmupLeft-- > 0) await once();
    }),
  );
  result.errors = 0;
  result.firstError = undefined;

  let started = 0;
  const start = now();
  const deadline = start + options.maxMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (started < options.maxRequests && now() < deadline) {
        started++;
        result.latenciesMs.push(await once());
      }
    }),
  );
  result.elapsedMs = now() - start;
  return result;
}

/**
 * `runLoad` in a worker thread, so that the client's own work (JSON, sockets, timing) does not
 * share the server's event loop and inflate the server's latencies.
 */
export function runLoadInWorker(url: string, request: GraphqlRequest, options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'httpLoadWorker.js'), { workerData: { url, request, options } });
    worker.once('message', (message: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}
