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
const SEED_DIR = path.join(os.tmpdir(), `orgtrack-bench-seed-${DEMO.seed}`);
const MARKER = path.join(SEED_DIR, '.bench-seed-complete.json');

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
  const eventsPath = path.join(SEED_DIR, 'events.sqlite');
  const label = `demo seed ${DEMO.seed} (${DEMO.members} members, ${DEMO.years} years)`;
  if (seededBefore() && fs.existsSync(eventsPath)) return { eventsPath, label: `${label}, reused from ${SEED_DIR}` };

  fs.rmSync(SEED_DIR, { recursive: true, force: true });
  fs.mkdirSync(SEED_DIR, { recursive: true });
  try {
    await seed(loadConfig({ ORGTRACK_DATA_DIR: SEED_DIR }), pino({ level: 'warn' }, pino.destination(2)), { ...DEMO });
    fs.writeFileSync(MARKER, JSON.stringify({ ...DEMO, code: seedCodeHash(), seededAt: new Date().toISOString() }));
    return { eventsPath, label: `${label}, seeded now into ${SEED_DIR}` };
  } catch (error) {
    fs.rmSync(SEED_DIR, { recursive: true, force: true });
    notes.push(`demo seed failed (${error instanceof Error ? error.message : String(error)}): figures use a small hand-made org instead`);
    return { eventsPath: await buildSmallOrg(path.join(scratchDir, 'small')), label: 'small hand-made org (seed failed)' };
  }
}

function seededBefore(): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(MARKER, 'utf8')) as Partial<typeof DEMO> & { code?: string };
    return marker.seed === DEMO.seed && marker.members === DEMO.members && marker.years === DEMO.years && marker.code === seedCodeHash();
  } catch {
    return false;
  }
}

/** A hash of the compiled seed code: a changed seed makes the bench seed again. */
export function seedCodeHash(): string {
  const cli = path.join(__dirname, '..', 'src', 'cli');
  const seedDir = path.join(cli, 'seed');
  const files = [
    path.join(cli, 'seed.js'),
    ...(fs.existsSync(seedDir)
      ? fs
          .readdirSync(seedDir)
          .sort()
          .map((name) => path.join(seedDir, name))
      : []),
  ];
  const hash = createHash('sha256');
  for (const file of files.filter((name) => name.endsWith('.js'))) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
