import type { PositionedEvent } from '../../../src/domain/events';
import {
  advanced,
  dissolved,
  groupAssigned,
  left,
  moved,
  registered,
  renamed,
  transferAccepted,
  transferExpired,
  transferRequested,
  type EventLog,
} from '../support/eventLog';
import { dump, freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

/** A history touching every event type, with a move and a rename recorded out of date order. */
function history(): EventLog {
  const log = logWithTree();
  log.record('2014-01-01', registered('m1', 'B1', 'G1'));
  log.record('2014-02-01', registered('m2', 'B2'));
  log.record('2016-01-01', renamed('B1', 'Branch One', 'B1'));
  log.record('2016-03-01', advanced('m1', 'APPLICANT', 'ACTIVIST'));
  log.record('2015-06-01', moved('C1', 'D2', 'D1'));
  log.record('2016-04-01', transferRequested('t1', 'm2', 'B2', 'B1', '2016-07-01'));
  log.record('2016-07-01', transferExpired('t1', 'm2'));
  log.record('2016-08-01', transferRequested('t2', 'm2', 'B2', 'B1', '2016-11-01'));
  log.record('2016-09-01', transferAccepted('t2', 'm2', 'B2', 'B1'));
  log.record('2016-10-01', groupAssigned('m2', 'B1', 'G1b', null));
  log.record('2017-01-01', moved('B2', 'C1', 'C2'));
  log.record('2018-01-01', dissolved('G2'));
  log.record('2019-01-01', left('m1', 'B1'));
  return log;
}

async function projected(events: readonly PositionedEvent[], batchSize: number): Promise<unknown> {
  const store = await freshStore();
  await project(store, events, batchSize);
  return dump(store);
}

describe('projection idempotency', () => {
  it('replaying the same batch twice changes nothing', async () => {
    const { events } = history();
    const store = await freshStore();
    await project(store, events);
    const once = await dump(store);

    await project(store, events);

    expect(await dump(store)).toEqual(once);
  });

  it('replaying from an earlier checkpoint changes nothing', async () => {
    const { events } = history();
    const store = await freshStore();
    await project(store, events, 5);
    const once = await dump(store);

    await project(store, events.slice(7), 3);

    expect(await dump(store)).toEqual(once);
  });

  it('the read models do not depend on how the log is cut into batches', async () => {
    const { events } = history();
    const whole = await projected(events, events.length);

    expect(await projected(events, 1)).toEqual(whole);
    expect(await projected(events, 4)).toEqual(whole);
  });
});
