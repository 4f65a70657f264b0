/**
 * Child process of the crash test: restores the read models of the data folder `argv[2]` as a
 * start would, then, again and again, records one event, lets the projector apply it (with
 * `argv[3]` = `rebuild`, then rebuilds every read model from the log, as `orgtrack rebuild` does)
 * and saves a snapshot, telling the parent on stdout (`rebuilding <position>`, `saving <position>`,
 * `saved <position>`) until it is killed.
 */
import path from 'node:path';
import { allProjections } from '../../../../projections';
import { Projector } from '../../../../src/app/projector/projector';
import { ReadModelSnapshots } from '../../../../src/app/snapshots/readModelSnapshots';
import { restoreReadModels } from '../../../../src/app/snapshots/restoreReadModels';
import { SqliteEventStore } from '../../../../src/eventstore/sqlite/sqliteEventStore';

async function main(dir: string, mode: string | undefined): Promise<void> {
  const file = path.join(dir, 'read-models.snapshot');
  const events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  const { store, outcome } = await restoreReadModels(file, events, allProjections);
  process.stdout.write(`restored ${outcome.restored ? outcome.position : outcome.reason}\n`);
  const projector = new Projector(events, store, allProjections);
  await projector.start();
  await projector.catchUp();
  const snapshots = new ReadModelSnapshots({
    file,
    store,
    events,
    projector,
    projections: allProjections,
    policy: { everyEvents: 0, everySeconds: 0 },
    restored: outcome,
  });
  for (let i = 0; ; i++) {
    const memberId = `crash-${process.pid}-${i}`;
    const { position } = await events.append(
      `member-${memberId}`,
      [
        {
          id: `${memberId}-registered`,
          type: 'MemberRegistered',
          data: { memberId, name: `成员 ${i}`, branchId: 'B1', groupId: null, status: 'APPLICANT', joinedOn: null },
          metadata: { effectiveDate: '2020-01-01', recordedAt: new Date().toISOString(), schemaVersion: 1 },
        },
      ],
      'no_stream',
    );
    await projector.waitFor(position);
    if (mode === 'rebuild') {
      process.stdout.write(`rebuilding ${position}\n`);
      await projector.rebuildAll();
    }
    process.stdout.write(`saving ${position}\n`);
    await snapshots.save('events');
    process.stdout.write(`saved ${position}\n`);
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
