import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { today } from '../src/app/clock';
import { loadConfig } from '../src/app/config';
import { createApp, openEventStore } from '../src/app/orgtrackApp';
import { executePlan } from '../src/cli/seed/executePlan';
import { lastMonthEnd } from '../src/cli/seed/planDates';
import { DEMO, seedCodeHash } from './demoData';
import { planHistorySeed, type HistoryPlanInput } from './historyPlan';
import { fmt, notes } from './report';
import { now } from './stats';

/** The long-history dataset's sizes: the demo's members at a time, ten times its history. */
export type HistorySizes = Omit<HistoryPlanInput, 'endDate' | 'transferExpiryDays'>;

const TURNOVER = { seed: DEMO.seed, initialMembers: Math.round(DEMO.members * 0.8), meanStayYears: DEMO.years };
/** 10× the demo's history: 60 years, 60,000 members registered, ~5,500 on the books at a time. */
export const X10: HistorySizes = { ...TURNOVER, members: DEMO.members * 10, years: DEMO.years * 10 };
/** The fallback when the 60-year seed fails or takes over SEED_LIMIT_MS: 5× (30 years, 30,000 members). */
export const X5: HistorySizes = { ...TURNOVER, members: DEMO.members * 5, years: DEMO.years * 5 };
const SEED_LIMIT_MS = 10 * 60_000;
const MARKER_NAME = '.bench-seed-complete.json';

export interface HistoryDataset {
  eventsPath: string;
  label: string;
  sizes: HistorySizes;
}

/**
 * The long-history log (see historyPlan.ts), seeded once into os.tmpdir()/orgtrack-bench-seed-1-x10
 * and reused while its marker says it was complete, for the same sizes and seed code. When the
 * 60-year seed fails or takes more than 10 minutes, a 30-year one (…-x5) is used, with a note.
 */
export async function historyDataset(): Promise<HistoryDataset> {
  for (const sizes of [X10, X5]) {
    const factor = sizes.years / DEMO.years;
    const dir = path.join(os.tmpdir(), `orgtrack-bench-seed-${sizes.seed}-x${factor}`);
    const eventsPath = path.join(dir, 'events.sqlite');
    const label = `${factor}× history: seed ${sizes.seed}, ${fmt.int(sizes.members)} members over ${sizes.years} years (${fmt.int(sizes.initialMembers)} at the start, stays of ${sizes.meanStayYears} years on average)`;
    if (seededBefore(dir, sizes) && fs.existsSync(eventsPath)) return { eventsPath, label: `${label}, reused from ${dir}`, sizes };
    try {
      const seconds = await seedHistory(dir, sizes);
      return { eventsPath, label: `${label}, seeded now into ${dir} in ${Math.round(seconds)} s`, sizes };
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      notes.push(
        `6  the ${sizes.years}-year history seed failed (${error instanceof Error ? error.message : String(error)})${sizes === X10 ? `: scaled down to ${X5.years} years` : ''}`,
      );
    }
  }
  throw new Error('no long-history dataset could be seeded');
}

async function seedHistory(dir: string, sizes: HistorySizes): Promise<number> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = now();
  // NORMAL: a bench dataset need not survive a power cut, and the seed goes faster.
  const config = loadConfig({ ORGTRACK_DATA_DIR: dir, ORGTRACK_SQLITE_SYNCHRONOUS: 'NORMAL' });
  const app = await createApp(config, { eventStore: await openEventStore(config) });
  try {
    const plan = planHistorySeed({ ...sizes, endDate: lastMonthEnd(today(app.clock)), transferExpiryDays: config.transferExpiryDays });
    const total = plan.commands.length;
    progress(`planned ${fmt.int(total)} commands from ${plan.startDate} to ${plan.endDate} in ${Math.round((now() - started) / 1000)} s`);
    let reported = 0;
    await executePlan(app, plan.commands, {
      concurrency: 64,
      onProgress: (done) => {
        // A throw here fails the command, which stops the seed.
        if (now() - started > SEED_LIMIT_MS) throw new Error(`took over ${SEED_LIMIT_MS / 60_000} minutes (${fmt.int(done)} of ${fmt.int(total)} commands)`);
        if (done - reported >= total / 10) {
          reported = done;
          progress(`${fmt.int(done)}/${fmt.int(total)} commands, ${Math.round((now() - started) / 1000)} s`);
        }
      },
    });
    await app.projector.catchUp();
  } finally {
    await app.close();
  }
  const seconds = (now() - started) / 1000;
  fs.writeFileSync(
    path.join(dir, MARKER_NAME),
    JSON.stringify({ ...sizes, code: codeHash(), seconds: Math.round(seconds), seededAt: new Date().toISOString() }),
  );
  return seconds;
}

function seededBefore(dir: string, sizes: HistorySizes): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER_NAME), 'utf8')) as Partial<HistorySizes> & { code?: string };
    const same = (Object.keys(sizes) as (keyof HistorySizes)[]).every((key) => marker[key] === sizes[key]);
    return same && marker.code === codeHash();
  } catch {
    return false;
  }
}

/** The seed code's hash and this plan's: a change in either seeds again. */
function codeHash(): string {
  return createHash('sha256')
    .update(seedCodeHash())
    .update(fs.readFileSync(path.join(__dirname, 'historyPlan.js')))
    .digest('hex')
    .slice(0, 16);
}

function progress(step: string): void {
  process.stderr.write(`bench: history seed: ${step}\n`);
}
