import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { allProjections } from '../../../projections';
import { loadConfig, type Config } from '../../../src/app/config';
import { rebuild } from '../../../src/cli/rebuild';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { registered } from '../support/eventLog';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

describe('orgtrack rebuild [projection]', () => {
  let dir: string;
  let config: Config;
  let head: string;
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const logged = (): { projection?: string; position: string; msg: string } => JSON.parse(lines[lines.length - 1]);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-rebuild-'));
    config = loadConfig({ ORGTRACK_DATA_DIR: dir });
    const log = logWithTree();
    log.record('2014-01-01', registered('m1', 'B1', 'G1'));
    const events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    await storeLog(events, log.events);
    head = (await events.headPosition())!;
    await events.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('rebuilds one projection by its name, up to the head of the log', async () => {
    await rebuild(config, logger, 'memberships');
    expect(logged()).toMatchObject({ projection: 'memberships', position: head, msg: expect.stringMatching(/^projection memberships rebuilt/) });
  });

  it('rebuilds every read model without a name', async () => {
    await rebuild(config, logger);
    expect(logged()).toMatchObject({ position: head, msg: expect.stringMatching(/^read models rebuilt/) });
  });

  it('refuses an unknown name with one line listing the projections there are', async () => {
    const refusal = rebuild(config, logger, 'membership');
    await expect(refusal).rejects.toThrow(
      `there is no projection "membership"; the projections are: ${allProjections.map((projection) => projection.name).join(', ')}`,
    );
    await expect(refusal).rejects.toThrow(/^[^\n]*$/);
  });
});
