import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/app/config';
import { seed } from '../src/cli/seed';
import { notes } from './report';
import { buildSmallOrg } from './smallOrg';

export const DEMO = { seed: 1, members: 6000, years: 6 } as const;

/**
 * The demo logs the bench can ask for, each made by `orgtrack seed` with these options: the demo
 * organization (about 30,000 events), and 34 times it (1,092,600 commands and as many events: 714 committees,
 * 10,200 branches, 30,600 groups, 204,000 members over six years).
 */
export const DEMO_LOGS = {
  demo: { seed: DEMO.seed, scale: 1, years: DEMO.years },
  '1M': { seed: DEMO.seed, scale: 34, years: DEMO.years },
} as const;
export type DemoLogSize = keyof typeof DEMO_LOGS;
type DemoLogOptions = (typeof DEMO_LOGS)[DemoLogSize];

/** The 1M seed builds read models of a million events in memory: more than Node's default heap. */
const LARGE_SEED_HEAP_MB = 16_384;
const MARKER_NAME = '.bench-seed-complete.json';
const REPOSITORY_ROOT = path.join(__dirname, '..', '..');

export interface Dataset {
  eventsPath: string;
  label: string;
}

/**
 * The demo organization's log, seeded once into os.tmpdir()/orgtrack-bench-seed-1 and reused
 * while its marker file says it was complete (and for the same options). Falls back to a small
 * hand-made organization in the scratch folder when the seed fails, or with `small`.
 */
export async function demoDataset(scratchDir: string, small: boolean): Promise<Dataset> {
  if (small) return { eventsPath: await buildSmallOrg(path.join(scratchDir, 'small')), label: 'small hand-made org (--small)' };
  try {
    return await demoLog({ events: 'demo' });
  } catch (error) {
    notes.push(`demo seed failed (${error instanceof Error ? error.message : String(error)}): figures use a small hand-made org instead`);
    return { eventsPath: await buildSmallOrg(path.join(scratchDir, 'small')), label: 'small hand-made org (seed failed)' };
  }
}

/**
 * A demo log made by the seed command, cached in os.tmpdir() (`orgtrack-bench-seed-1` for the
 * demo, `orgtrack-bench-seed-1-x34` for `'1M'`) and reused while its marker names the same
 * options and the same seed code (`seedCodeHash`); otherwise seeded again, which takes about
 * 30 s for the demo and tens of minutes for the 1M log. The demo is seeded in this process; the
 * 1M log by `orgtrack seed` in a child process with a larger heap, its log lines on stderr.
 */
export async function demoLog(options: { events: DemoLogSize }): Promise<Dataset> {
  const wanted = DEMO_LOGS[options.events];
  const dir = path.join(os.tmpdir(), `orgtrack-bench-seed-${wanted.seed}${wanted.scale === 1 ? '' : `-x${wanted.scale}`}`);
  const eventsPath = path.join(dir, 'events.sqlite');
  const key = { ...wanted, code: seedCodeHash() };
  const label = `demo seed ${wanted.seed}${wanted.scale === 1 ? '' : ` × ${wanted.scale}`} (${DEMO.members * wanted.scale} members, ${wanted.years} years)`;
  if (seededBefore(dir, key) && fs.existsSync(eventsPath)) return { eventsPath, label: `${label}, reused from ${dir}` };

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    if (wanted.scale === 1) {
      await seed(loadConfig({ ORGTRACK_DATA_DIR: dir }), pino({ level: 'warn' }, pino.destination(2)), { seed: wanted.seed, scale: 1, years: wanted.years });
    } else {
      await seedInChild(dir, wanted);
    }
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  fs.writeFileSync(path.join(dir, MARKER_NAME), JSON.stringify({ ...key, seededAt: new Date().toISOString() }));
  return { eventsPath, label: `${label}, seeded now into ${dir}` };
}

/** `orgtrack seed` of the built CLI (dist/src/cli/main.js beside this file's dist/bench). */
function seedInChild(dir: string, options: DemoLogOptions): Promise<void> {
  const main = path.join(__dirname, '..', 'src', 'cli', 'main.js');
  const args = [
    `--max-old-space-size=${LARGE_SEED_HEAP_MB}`,
    main,
    'seed',
    '--seed',
    String(options.seed),
    '--scale',
    String(options.scale),
    '--years',
    String(options.years),
  ];
  // NORMAL: a bench dataset need not survive a power cut.
  const env = { ...process.env, ORGTRACK_DATA_DIR: dir, ORGTRACK_SQLITE_SYNCHRONOUS: 'NORMAL', LOG_LEVEL: 'info' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`orgtrack seed --scale ${options.scale} ended with ${signal ?? `exit code ${String(code)}`}`)),
    );
  });
}

function seededBefore(dir: string, key: DemoLogOptions & { code: string }): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER_NAME), 'utf8')) as Record<string, unknown>;
    return (Object.keys(key) as (keyof typeof key)[]).every((name) => marker[name] === key[name]);
  } catch {
    return false;
  }
}

/**
 * A hash of the compiled seed code (src/cli/seed.js and everything under src/cli/seed/), each
 * file named by its path from the repository root: a changed seed makes the bench seed again,
 * and the same code hashes the same in every checkout of the repository.
 */
export function seedCodeHash(): string {
  const cli = path.join(__dirname, '..', 'src', 'cli');
  const files = [path.join(cli, 'seed.js'), ...filesUnder(path.join(cli, 'seed'))].filter((file) => file.endsWith('.js'));
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(REPOSITORY_ROOT, file).split(path.sep).join('/')).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Every file under `dir`, sorted by path; none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
