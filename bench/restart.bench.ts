import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { SNAPSHOT_FILE_NAME } from '../src/app/snapshots/snapshotPolicy';
import { benchAuthEnv, bearer, benchToken } from './benchToken';
import { fmt, notes, type Row } from './report';
import { now } from './stats';

/** The snapshot start must take at most this share of the cold start's time. */
const MAX_RATIO = 0.5;
const RUNS = 2;
const MAIN = path.join(__dirname, '..', 'src', 'cli', 'main.js');
const QUERY = JSON.stringify({ query: '{ units(first: 1) { totalCount } }' });

interface Start {
  /** From the spawn to the first answer with data. */
  ms: number;
  /** The server's log lines (JSON), for what it said it restored and saved. */
  lines: Record<string, unknown>[];
}

/** The 10× log's snapshot start may take at most this multiple of the demo log's. */
const MAX_X10_RATIO = 1.5;

/** What the starts on one log measured: the best of each kind, and what the server said. */
interface LogStarts {
  events: number;
  cold: number;
  warm: number[];
  saved: Record<string, unknown> | undefined;
  restored: Record<string, unknown> | undefined;
}

/**
 * Figure 10: `orgtrack serve` on the embedded default, as a process of its own, from its spawn to
 * the first successful GraphQL answer: restoring the read models from the data folder's
 * snapshot, against a cold start that rebuilds them from the whole log (the snapshot removed),
 * on a copy of the same log, in the same run. Best of two each. The cold start's shutdown writes
 * the snapshot the next start restores; its size and write time are on the second line. With
 * `x10`, the 10×-history log too: its snapshot starts alternate with the demo's, against them.
 */
export async function benchRestart(eventsPath: string, scratchDir: string, options: { x10?: string } = {}): Promise<Row[]> {
  const token = await benchToken();
  const demo = await logStarts('demo', eventsPath, path.join(scratchDir, 'restart'), token);
  const rows = startRows('demo', demo);
  if (options.x10 === undefined) {
    notes.push("10 the 10× log's restart not run: add --history-x10");
    return rows;
  }
  const x10Dir = path.join(scratchDir, 'restart-x10');
  const x10 = await logStarts('10× history', options.x10, x10Dir, token, 1);
  // Snapshot starts alternating, so both logs see the same machine load.
  for (let run = 0; run < RUNS; run++) {
    demo.warm.push((await timedStart(path.join(scratchDir, 'restart'), token)).ms);
    x10.warm.push((await timedStart(x10Dir, token)).ms);
  }
  const demoBest = Math.min(...demo.warm);
  const x10Best = Math.min(...x10.warm);
  rows.push(...startRows('10× history', x10), {
    name: `10 snapshot start, 10× log (${fmt.int(x10.events)} events) vs demo (${fmt.int(demo.events)}), best of ${x10.warm.length} alternating`,
    figure: fmt.ms(x10Best),
    baseline: `${fmt.ms(demoBest)} (demo)`,
    ratio: fmt.ratio(x10Best / demoBest),
    target: `≤ ${MAX_X10_RATIO}×`,
    pass: x10Best / demoBest <= MAX_X10_RATIO,
  });
  return rows;
}

/** Cold and snapshot starts on a copy of the log at `eventsPath` in `dir`, `runs` times each. */
async function logStarts(tag: string, eventsPath: string, dir: string, token: string, runs = RUNS): Promise<LogStarts> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal']) if (fs.existsSync(eventsPath + suffix)) fs.copyFileSync(eventsPath + suffix, path.join(dir, `events.sqlite${suffix}`));
  const snapshot = path.join(dir, SNAPSHOT_FILE_NAME);
  const starts: LogStarts = { events: 0, cold: Infinity, warm: [], saved: undefined, restored: undefined };
  for (let run = 0; run < runs; run++) {
    fs.rmSync(snapshot, { force: true });
    const rebuilt = await timedStart(dir, token);
    starts.cold = Math.min(starts.cold, rebuilt.ms);
    starts.events = Number(rebuilt.lines.find((line) => line.msg === 'read models are up to date')?.eventsApplied ?? starts.events);
    starts.saved = [...rebuilt.lines].reverse().find((line) => line.msg === 'read models saved') ?? starts.saved;
    if (!fs.existsSync(snapshot)) throw new Error(`the cold start on the ${tag} log left no snapshot at shutdown`);
    const restoring = await timedStart(dir, token);
    starts.warm.push(restoring.ms);
    starts.restored = restoring.lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith('read models restored')) ?? starts.restored;
    if (starts.restored === undefined)
      notes.push(`10 restart (${tag}): the start with a snapshot did not restore it: ${restoring.lines.map((line) => line.msg).join(' / ')}`);
  }
  return starts;
}

function startRows(tag: string, starts: LogStarts): Row[] {
  const warm = Math.min(...starts.warm);
  const ratio = warm / starts.cold;
  const mb = (bytes: unknown): string => `${(Number(bytes) / 1e6).toFixed(0)} MB`;
  const { saved, restored } = starts;
  return [
    {
      name: `10 embedded restart to first answer, ${tag} (${fmt.int(starts.events)} events)`,
      figure: `${fmt.ms(warm)} (snapshot)`,
      baseline: `${fmt.ms(starts.cold)} (rebuild from the log)`,
      ratio: fmt.ratio(ratio),
      target: `ratio ≤ ${MAX_RATIO}×`,
      pass: ratio <= MAX_RATIO,
    },
    {
      name: `10 snapshot (${tag}): restore / write at shutdown`,
      figure: `${fmt.ms(Number(restored?.ms ?? NaN))} restore`,
      baseline: `${fmt.ms(Number(saved?.ms ?? NaN))} write, ${mb(saved?.bytes)}, ${fmt.int(Number(saved?.documents ?? 0))} docs`,
      ratio: '',
      target: `held still ${fmt.ms(Number(saved?.copyMs ?? NaN))} for the copy`,
      pass: undefined,
    },
  ];
}

/** Spawns `orgtrack serve` on `dir`, times it to its first answer, then stops it with SIGTERM and waits for it to exit. */
async function timedStart(dir: string, token: string): Promise<Start> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = now();
  const server = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, ...benchAuthEnv(), ORGTRACK_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', ORGTRACK_REQUIRE_AUTH: 'true', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  readline.createInterface({ input: server.stderr }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A progress bar or another line that is not a log record.
    }
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    await firstAnswer(`http://127.0.0.1:${port}/graphql`, token, server);
    const ms = now() - started;
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`orgtrack serve exited with ${code} after SIGTERM`);
    return { ms, lines };
  } catch (error) {
    server.kill('SIGKILL');
    throw error;
  }
}

async function firstAnswer(url: string, token: string, server: ChildProcess): Promise<void> {
  const deadline = now() + 300_000;
  while (now() < deadline) {
    if (server.exitCode !== null) throw new Error(`orgtrack serve exited with ${server.exitCode} before answering`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: bearer(token) }, body: QUERY });
      const body = (await response.json()) as { data?: { units?: { totalCount?: number } } };
      if (response.ok && typeof body.data?.units?.totalCount === 'number') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('orgtrack serve gave no answer within 5 minutes');
}
