import http from 'node:http';
import { attackDocuments, type AttackTargets } from './attackDocuments';
import { ACCESS_REFUSED, bearer } from './benchToken';
import type { Endpoint } from './httpLoad';
import { now, summarize, type LatencySummary } from './stats';
import { upgrade, WsProbe, type WsAnswer } from './wsProbe';

/** Sends of each attack on each transport, one at a time. */
const TIMES = 200;
/** The 10 MB attacks move 10 MB through loopback each: fewer of them. */
const LARGE_TIMES = 50;
const WARMUP = 50;
const TEN_MB = 10 * 1024 * 1024;
export const FLOOR = '{ __typename }';

export type Transport = 'HTTP' | 'WS';

/** The latencies of one attack on one transport, and how many answers were not the refusal expected. */
export interface Series {
  name: string;
  transport: Transport;
  summary: LatencySummary;
  wrong: number;
  firstWrong?: string;
}

export interface AttackRun {
  floors: Record<Transport, Series>;
  attacks: Series[];
}

/** What a refusal must carry: `extensions.code` (and reason), or an HTTP status such as `HTTP 403`. */
interface Expected {
  code: string;
  reason?: string;
}

/** An answer on either transport, reduced to what a refusal is checked by. */
interface Answer {
  status: number;
  errors?: WsAnswer['errors'];
}

/**
 * Sends every attack of the probe TIMES times one after another (one keep-alive connection, one
 * socket), after `{ __typename }` on each transport; `floorsDone` is called in between so that the
 * server's memory can be read before the attacks. Everything is sent with the token (on the socket,
 * in connection_init), so that what refuses an attack is a limit and not the want of a token; only
 * the cross-origin upgrade, refused before any GraphQL, sends none. An answer refusing access
 * (UNAUTHENTICATED, FORBIDDEN), or a floor that is not answered, rejects the whole run.
 */
export async function runAttacks({ url, token }: Endpoint, targets: AttackTargets, floorsDone: () => void): Promise<AttackRun> {
  const wsUrl = url.replace('http', 'ws');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ws = await WsProbe.open(wsUrl, token);
  try {
    const httpPost = (payload: Buffer): Promise<Answer> => post(agent, url, payload, token);
    const httpSend = (query: string, variables?: Record<string, unknown>): Promise<Answer> => httpPost(Buffer.from(JSON.stringify({ query, variables })));
    const wsSend = (query: string, variables?: Record<string, unknown>): Promise<Answer> =>
      ws.send(query, variables).then((answer) => ({ status: 200, ...answer }));
    await measure(WARMUP, () => httpSend(FLOOR), undefined);
    await measure(WARMUP, () => wsSend(FLOOR), undefined);
    const floors = {
      HTTP: { name: FLOOR, transport: 'HTTP' as const, ...(await measure(TIMES, () => httpSend(FLOOR), undefined)) },
      WS: { name: FLOOR, transport: 'WS' as const, ...(await measure(TIMES, () => wsSend(FLOOR), undefined)) },
    };
    for (const floor of Object.values(floors)) {
      if (floor.wrong > 0)
        throw new Error(`${FLOOR} over ${floor.transport}: ${floor.wrong} of ${floor.summary.count} answers were errors, first: ${floor.firstWrong}`);
    }
    floorsDone();

    const attacks: Series[] = [];
    for (const attack of attackDocuments(targets)) {
      attacks.push({ name: attack.name, transport: 'HTTP', ...(await measure(TIMES, () => httpSend(attack.query, attack.variables), attack)) });
      attacks.push({ name: attack.name, transport: 'WS', ...(await measure(TIMES, () => wsSend(attack.query, attack.variables), attack)) });
    }
    const tenMegabytes = Buffer.from(JSON.stringify({ query: FLOOR, variables: { padding: 'x'.repeat(TEN_MB) } }));
    attacks.push({
      name: '10 MB body',
      transport: 'HTTP',
      ...(await measure(LARGE_TIMES, () => httpPost(tenMegabytes), { code: 'PAYLOAD_TOO_LARGE' })),
    });
    const batch = Buffer.from(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ units(first: 500) { totalCount } }' }))));
    attacks.push({ name: 'batch of 100 operations', transport: 'HTTP', ...(await measure(TIMES, () => httpPost(batch), { code: 'BAD_REQUEST' })) });
    const message = Buffer.from(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `${FLOOR} # ${'x'.repeat(TEN_MB)}` } }));
    attacks.push({
      name: '10 MB message (until close 1009)',
      transport: 'WS',
      ...(await timeEach(
        LARGE_TIMES,
        () => WsProbe.open(wsUrl, token),
        (socket) => socket.sendAndAwaitClose(message),
        (code) => code === 1009 || `closed with ${code}`,
      )),
    });
    const crossOrigin = (): Promise<Answer> => upgrade(wsUrl, 'https://evil.example').then((result) => ('status' in result ? result : { status: 101 }));
    attacks.push({ name: 'cross-origin socket (until 403)', transport: 'WS', ...(await measure(TIMES, crossOrigin, { code: 'HTTP 403' })) });
    return { floors, attacks };
  } finally {
    ws.close();
    agent.destroy();
  }
}

/**
 * Whether the answer is the refusal expected (or, without `expected`, a success); else what it
 * was. Throws on a refusal of access: the attack was then never put to the limits.
 */
function verdict(answer: Answer, expected: Expected | undefined): true | string {
  const extensions = answer.errors?.[0]?.extensions;
  if (typeof extensions?.code === 'string' && ACCESS_REFUSED.has(extensions.code)) {
    throw new Error(`the server refused the bench's token (${extensions.code}): ${answer.errors?.[0]?.message}`);
  }
  const ok =
    expected === undefined
      ? answer.errors === undefined && answer.status === 200
      : expected.code.startsWith('HTTP ')
        ? `HTTP ${answer.status}` === expected.code
        : extensions?.code === expected.code && (expected.reason === undefined || extensions?.reason === expected.reason);
  return ok || (extensions ? `${String(extensions.code)} ${String(extensions.reason ?? '')}`.trim() : `HTTP ${answer.status}`);
}

function measure(count: number, send: () => Promise<Answer>, expected: Expected | undefined): Promise<Omit<Series, 'name' | 'transport'>> {
  return timeEach(
    count,
    async () => undefined,
    () => send(),
    (answer) => verdict(answer, expected),
  );
}

/** Times `send` on what `prepare` made (untimed), `count` times; `check` says true or what was wrong. */
async function timeEach<P, A>(
  count: number,
  prepare: () => Promise<P>,
  send: (prepared: P) => Promise<A>,
  check: (answer: A) => true | string,
): Promise<Omit<Series, 'name' | 'transport'>> {
  const latencies: number[] = [];
  let wrong = 0;
  let firstWrong: string | undefined;
  for (let at = 0; at < count; at++) {
    const prepared = await prepare();
    const start = now();
    const answer = await send(prepared);
    latencies.push(now() - start);
    const result = check(answer);
    if (result !== true) {
      wrong++;
      firstWrong ??= result;
    }
  }
  return { summary: summarize(latencies), wrong, firstWrong };
}

/** POSTs a JSON body with the token on the keep-alive agent; the answer's status and errors. */
function post(agent: http.Agent, url: string, payload: Buffer, token: string): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: bearer(token) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, errors: (JSON.parse(text) as Pick<Answer, 'errors'>).errors });
          } catch {
            resolve({ status: response.statusCode ?? 0, errors: [{ message: `not JSON: ${text.slice(0, 80)}` }] });
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
