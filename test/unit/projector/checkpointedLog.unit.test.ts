import { randomUUID } from 'node:crypto';
import { allProjections } from '../../../projections';
import { ReadModelsOfAnotherLog } from '../../../src/app/projector/checkpointedLog';
import { Projector } from '../../../src/app/projector/projector';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { registered } from '../support/eventLog';
import { storeLog } from '../support/storedLog';
import { logWithTree } from '../support/tree';

/** A log of the tree and `members` registrations; `recordedAgain`: the same facts under other event ids. */
async function logOf(members: number, recordedAgain = false): Promise<SqliteEventStore> {
  const log = logWithTree();
  for (let n = 0; n < members; n++) log.record('2014-01-01', registered(`m${n}`, 'B1'));
  const store = SqliteEventStore.open({ path: ':memory:' });
  await storeLog(store, recordedAgain ? log.events.map((event) => ({ ...event, id: randomUUID() })) : log.events);
  return store;
}

async function project(events: SqliteEventStore, store: EmbeddedReadStore): Promise<void> {
  const projector = new Projector(events, store, allProjections, { historyEpochEvents: 0 });
  await projector.start();
  await projector.catchUp();
  await projector.stop();
}

describe('checkpoints are positions in one log: a read store made from another is refused at start', () => {
  it('resumes on the log it was made from', async () => {
    const events = await logOf(3);
    const store = new EmbeddedReadStore();
    await project(events, store);
    await expect(project(events, store)).resolves.toBeUndefined();
    await events.close();
  });

  it('refuses another log (its first event differs), saying what to do', async () => {
    const made = await logOf(3);
    const other = await logOf(3, true);
    const store = new EmbeddedReadStore();
    await project(made, store);
    const refusal = project(other, store);
    await expect(refusal).rejects.toBeInstanceOf(ReadModelsOfAnotherLog);
    await expect(refusal).rejects.toThrow(/another event log .*orgtrack rebuild/);
    await made.close();
    await other.close();
  });

  it('refuses a log that ends before its checkpoints (a shorter log, or one that lost events)', async () => {
    const long = await logOf(5);
    const store = new EmbeddedReadStore();
    await project(long, store);
    await store.collection('checkpointedLog').drop(); // as a read store from before the check
    const short = await logOf(0);
    await expect(project(short, store)).rejects.toThrow(/beyond the head of the log/);
    await long.close();
    await short.close();
  });
});
