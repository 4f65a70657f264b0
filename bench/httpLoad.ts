import http from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ACCESS_REFUSED, bearer } from './benchToken';
import { now } from './stats';

/** A GraphQL endpoint and the token its clients send. */
export interface Endpoint {
  /** `http://host:port/graphql` */
  url: string;
  token: string;
}

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

/** A keep-alive HTTP client for one GraphQL endpoint, sending its token on every request (no dependencies beyond node:http). */
export class GraphqlClient {
  private readonly agent: http.Agent;
  private readonly target: URL;
  private readonly authorization: string;

  constructor({ url, token }: Endpoint, maxSockets: number) {
    this.target = new URL(url);
    this.authorization = bearer(token);
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
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': payload.length,
            authorization: this.authorization,
          },
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

/**
 * `concurrency` loops each sending the request again as soon as its answer arrived. Errors are
 * counted (the caller reports them); an answer refusing the caller's access (UNAUTHENTICATED,
 * FORBIDDEN) stops the run and rejects, since every latency would then time a refusal.
 */
export async function runLoad(client: GraphqlClient, request: GraphqlRequest, options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { latenciesMs: [], elapsedMs: 0, errors: 0 };
  let accessRefused: string | undefined;
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
        const error = response.body.errors?.[0];
        const code = error?.extensions?.code;
        const message = `HTTP ${response.status}: ${code === undefined ? '' : `${code}: `}${error?.message ?? 'no data'}`;
        if (code !== undefined && ACCESS_REFUSED.has(code)) accessRefused ??= message;
        fail(message);
      }
      return elapsed;
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return now() - start;
    }
  };
  const refused = (): Error => new Error(`the server refused the bench's token: ${accessRefused}`);

  let warmupLeft = options.warmup;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (warmupLeft-- > 0 && accessRefused === undefined) await once();
    }),
  );
  if (accessRefused !== undefined) throw refused();
  result.errors = 0;
  result.firstError = undefined;

  let started = 0;
  const start = now();
  const deadline = start + options.maxMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (started < options.maxRequests && now() < deadline && accessRefused === undefined) {
        started++;
        result.latenciesMs.push(await once());
      }
    }),
  );
  if (accessRefused !== undefined) throw refused();
  result.elapsedMs = now() - start;
  return result;
}

/**
 * `runLoad` in a worker thread, so that the client's own work (JSON, sockets, timing) does not
 * share the server's event loop and inflate the server's latencies.
 */
export function runLoadInWorker({ url, token }: Endpoint, request: GraphqlRequest, options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'httpLoadWorker.js'), { workerData: { endpoint: { url, token }, request, options } });
    worker.once('message', (message: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}
