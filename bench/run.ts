import '../src/cli/productionDefaults';
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEMBERS, UNITS, type UnitDocument } from '../projections';
import { buildOrgtrackSchema } from '../src/api/schema';
import type { ReadStore } from '../src/readstore/readStore';
import { benchAnalystQueries } from './analystQueries.bench';
import { benchAttackRefusals } from './attackRefusals';
import { benchCommands } from './commands.bench';
import { benchCorrections } from './corrections.bench';
import { demoDataset } from './demoData';
import { historyDataset } from './historyData';
import { benchHistory } from './history.bench';
import { benchConcurrentReplays } from './concurrentReplays';
import { benchLatency } from './latency.bench';
import { benchReadStoreCalls } from './readStoreCalls.bench';
import { benchRebuild } from './rebuild.bench';
import { benchRestart } from './restart.bench';
import { fmt, notes, printTable, summaryLine, type Row } from './report';
import { now } from './stats';

/**
 * `npm run bench`: figures at the demo size, each beside a baseline measured in the same run.
 * A report, not a test: it exits 0 even when a target is missed. `--small` uses a small
 * hand-made organization instead of the demo seed (quick check of the bench itself).
 * `--only <section>[,<section>]` runs only those sections (commands, rebuild, latency, calls,
 * analyst, history, attacks, replays, corrections, restart; the rebuild runs anyway, for the read models). `--history-x10` adds the
 * 10×-history dataset to sections 6, 9 and 10 (seeded once, a few minutes; about two more minutes a run).
 */
async function main(): Promise<void> {
  const started = now();
  const small = process.argv.includes('--small');
  const x10 = process.argv.includes('--history-x10');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').map((name) => name.trim())) : undefined;
  const runs = (section: string): boolean => only === undefined || only.has(section);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-bench-'));
  const rows: Row[] = [];
  let header = '';
  try {
    progress('preparing the dataset');
    const dataset = await demoDataset(scratch, small);

    if (runs('commands')) {
      progress('1/7 commands');
      await figure(rows, '1  commands', () => benchCommands(scratch));
    }

    progress('2/7 projection rebuild');
    const rebuilt = await benchRebuild(dataset.eventsPath).catch((error: unknown) => {
      rows.push(failedRow('2  projection rebuild', error));
      return undefined;
    });
    if (rebuilt) {
      if (runs('rebuild')) rows.push(...rebuilt.rows);
      const { districtId, committeeId, shape } = await describe(rebuilt.readStore);
      header = `dataset: ${dataset.label}: ${fmt.int(rebuilt.events)} events; ${shape}`;
      const schema = await buildOrgtrackSchema();
      if (runs('latency')) {
        progress('3/7 HTTP latency');
        await figure(rows, '3  HTTP latency', () => benchLatency(dataset.eventsPath, rebuilt.readStore, schema, committeeId));
      }
      if (runs('calls')) {
        progress('4/7 read-store calls');
        await figure(rows, '4  read-store calls', () => benchReadStoreCalls(dataset.eventsPath, rebuilt.readStore, schema, districtId));
      }
      if (runs('analyst')) {
        progress('5/7 analyst queries');
        await figure(rows, '5  analyst queries', () => benchAnalystQueries(dataset.eventsPath, rebuilt.readStore, schema, committeeId));
      }
      if (runs('history')) {
        progress(`6/7 history${x10 ? ' (with the 10× history)' : ''}`);
        await figure(rows, '6  history', () =>
          benchHistory(
            { eventsPath: dataset.eventsPath, readStore: rebuilt.readStore, tag: dataset.label.startsWith('demo') ? 'demo 6 y' : 'small org' },
            schema,
            { x10 },
          ),
        );
      }
      if (runs('attacks')) {
        progress('7/8 attack refusals');
        await figure(rows, '7  attack refusals', () => benchAttackRefusals(dataset.eventsPath, rebuilt.readStore, schema, districtId));
      }
      if (runs('replays')) {
        progress('8/8 concurrent replays');
        await figure(rows, '8  concurrent replays', () => benchConcurrentReplays(dataset.eventsPath, rebuilt.readStore, schema));
      }
      if (runs('corrections')) {
        progress(`9 corrections${x10 ? ' (with the 10× history)' : ''}`);
        await figure(rows, '9  corrections', () =>
          benchCorrections(dataset.eventsPath, schema, { x10, scratchDir: scratch, tag: dataset.label.startsWith('demo') ? 'demo 6 y' : 'small org' }),
        );
      }
      await rebuilt.readStore.close();
    }
    if (runs('restart')) {
      progress('10 embedded restart');
      await figure(rows, '10 embedded restart', async () => benchRestart(dataset.eventsPath, scratch, x10 ? { x10: (await historyDataset()).eventsPath } : {}));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  out(`orgtrack bench — node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()}`);
  if (header) out(header);
  out('');
  printTable(rows, out);
  out('');
  for (const note of notes) out(`note: ${note}`);
  out(`${summaryLine(rows)} (bench took ${Math.round((now() - started) / 1000)} s)`);
}

async function figure(rows: Row[], name: string, run: () => Promise<Row[]>): Promise<void> {
  try {
    rows.push(...(await run()));
  } catch (error) {
    rows.push(failedRow(name, error));
  }
}

function failedRow(name: string, error: unknown): Row {
  notes.push(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { name, figure: 'error', baseline: '', ratio: '', target: '', pass: false };
}

/** The district, the committee with the largest subtree, and the organization's shape. */
async function describe(readStore: ReadStore): Promise<{ districtId: string; committeeId: string; shape: string }> {
  const units = readStore.collection<UnitDocument>(UNITS);
  const active = await units.find({ status: 'ACTIVE' }, { projection: { _id: 1, level: 1, ancestors: 1 } });
  const count = (level: string): number => active.filter((unit) => unit.level === level).length;
  const district = active.find((unit) => unit.level === 'DISTRICT');
  const committees = active.filter((unit) => unit.level === 'COMMITTEE');
  if (!district || committees.length === 0) throw new Error('the dataset has no active district or committee');
  const subtree = (id: string): number => active.filter((unit) => unit.ancestors.includes(id)).length;
  const committee = committees.reduce((best, unit) => (subtree(unit._id) > subtree(best._id) ? unit : best));
  const members = await readStore.collection(MEMBERS).countDocuments({});
  const shape =
    `${count('DISTRICT')} district, ${count('COMMITTEE')} committees, ${count('BRANCH')} branches, ` +
    `${count('GROUP')} groups active; ${fmt.int(members)} members ever registered`;
  return { districtId: district._id, committeeId: committee._id, shape };
}

function progress(step: string): void {
  process.stderr.write(`bench: ${step}…\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
