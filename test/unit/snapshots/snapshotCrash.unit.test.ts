import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { allProjections } from '../../../projections';
import { Projector } from '../../../src/app/projector/projector';
import { restoreReadModels } from '../../../src/app/snapshots/restoreReadModels';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { expectSameReadModels } from '../../support/readModelImage';
import { advanced, registered } from '../support/eventLog';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

const KILLS = 20;
const HOOK = path.join(__dirname, '..', '..', 'support', 'transpiledRequire.js');
const LOOP = path.join(__dirname, 'support', 'snapshotLoop.ts');

jest.setTimeout(120_000);

/** What the child said before it was killed. */
interface ChildRun {
  restored: string;
  saved: string[];
  /** A save it began and did not report done: killed in the middle of it (or just after). */
  saving: string | undefined;
  /** Killed while rebuilding the read models (between `rebuilding` and `saving`). */
  rebuilding: boolean;
}

/** `save`: the child saves a snapshot after each event; `rebuild`: it rebuilds every read model first. */
type Mode = 'save' | 'rebuild';

/**
 * Runs the snapshot loop in a child process and kills it with SIGKILL `afterMs` after its first
 * save began (in `rebuild` mode: after its first rebuild began).
 */
function runAndKill(dir: string, afterMs: number, mode: Mode): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', HOOK, LOOP, dir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { restored: '', saved: [], saving: undefined, rebuilding: false };
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, value] = line.split(' ');
      if (word === 'restored') run.restored = value;
      if (word === 'rebuilding') {
        run.rebuilding = true;
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      if (word === 'saving') {
        run.saving = value;
        run.rebuilding = false;
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      if (word === 'saved') {
        run.saved.push(value);
        run.saving = undefined;
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      if (signal === 'SIGKILL') resolve(run);
      else reject(new Error(`the snapshot loop ended by itself (${code}): ${stderr}`));
    });
  });
}

/** A small pseudo-random sequence from a seed printed on failure, so that a failing run can be replayed. */
function delays(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % 120;
  };
}

describe.each<Mode>(['save', 'rebuild'])('a process killed while it saves snapshots of its read models (mode %s)', (mode) => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-crash-'));
    const log = logWithTree();
    for (let i = 0; i < 60; i++) log.record('2015-01-01', registered(`m${i}`, i % 2 === 0 ? 'B1' : 'B2', i % 2 === 0 ? 'G1' : 'G2'));
    for (let i = 0; i < 20; i++) log.record('2016-01-01', advanced(`m${i}`, 'APPLICANT', 'ACTIVIST'));
    const events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    await storeLog(events, log.events);
    await events.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`restarts ${KILLS} times after SIGKILL at random moments: always the last snapshot written or the one being written, never a torn one, equal to a clean rebuild`, async () => {
    const seed = Date.now();
    const delay = delays(seed);
    const file = path.join(dir, 'read-models.snapshot');
    let lastSaved: string | undefined;
    let killedWhileSaving = 0;
    let killedWhileRebuilding = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const context = `kill ${kill + 1} of ${KILLS}, delay seed ${seed}`;
      const run = await runAndKill(dir, delay(), mode);
      // The child's own start restored the last snapshot whole (or found none yet).
      expect({ context, restored: run.restored }).toEqual({ context, restored: lastSaved ?? 'missing' });
      if (run.saving !== undefined) killedWhileSaving++;
      if (run.rebuilding) killedWhileRebuilding++;
      // The snapshot written last (or none: 'missing'), or the one being written when the kill came.
      const candidates = [run.saved.at(-1) ?? lastSaved ?? 'missing', ...(run.saving === undefined ? [] : [run.saving])];

      const events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
      try {
        const { store, outcome } = await restoreReadModels(file, events, allProjections);
        const found = outcome.restored ? outcome.position : outcome.reason;
        expect({ context, found, whole: candidates.includes(found) }).toEqual({ context, found, whole: true });
        lastSaved = outcome.restored ? outcome.position : undefined;
        const projector = new Projector(events, store, allProjections);
        await projector.start();
        await projector.catchUp();
        await projector.stop();
        const clean = new EmbeddedReadStore();
        const rebuilt = new Projector(events, clean, allProjections);
        await rebuilt.start();
        await rebuilt.catchUp();
        await rebuilt.stop();
        expectSameReadModels(store, clean);
      } finally {
        await events.close();
      }
    }
    // Most kills land in a save (the loop does little else): the test does test torn writes.
    expect(killedWhileSaving).toBeGreaterThan(0);
    // In rebuild mode, kills also land in the middle of a rebuild.
    if (mode === 'rebuild') expect(killedWhileRebuilding).toBeGreaterThan(0);
    // Temporary files of killed writers are removed by the next writer: at most the last one's is left.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
  });
});
