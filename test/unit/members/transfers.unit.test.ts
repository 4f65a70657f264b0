import { TRANSFERS, type TransferDocument } from '../../../projections';
import type { ReadStore } from '../../../src/readstore/readStore';
import { left, registered, transferAccepted, transferExpired, transferRejected, transferRequested } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

async function transfer(store: ReadStore, transferId: string): Promise<TransferDocument | null> {
  return store.collection<TransferDocument>(TRANSFERS).findOne({ _id: transferId });
}

describe('transfers', () => {
  it('a transfer is OPEN when requested and ends ACCEPTED, REJECTED, EXPIRED, or CANCELLED when the member leaves', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    log.record('2020-02-01', transferRequested('t1', 'm1', 'B1', 'B2', '2020-05-01'));
    const store = await freshStore();
    await project(store, log.events);
    expect(await transfer(store, 't1')).toEqual({
      _id: 't1',
      memberId: 'm1',
      fromBranchId: 'B1',
      toBranchId: 'B2',
      reason: 'moved house',
      status: 'OPEN',
      requestedOn: '2020-02-01',
      expiresOn: '2020-05-01',
      decidedOn: null,
      rejectionReason: null,
      position: log.events[log.events.length - 1].position,
    });

    const rest = [
      log.record('2020-03-01', transferRejected('t1', 'm1', 'no room')),
      log.record('2020-04-01', transferRequested('t2', 'm1', 'B1', 'B2', '2020-07-01')),
      log.record('2020-07-01', transferExpired('t2', 'm1')),
      log.record('2020-08-01', transferRequested('t3', 'm1', 'B1', 'B2', '2020-11-01')),
      log.record('2020-09-01', transferAccepted('t3', 'm1', 'B1', 'B2')),
      log.record('2021-01-01', transferRequested('t4', 'm1', 'B2', 'B1', '2021-04-01')),
      log.record('2021-02-01', left('m1', 'B2')),
    ];
    await project(store, rest, 2);

    expect(await transfer(store, 't1')).toMatchObject({ status: 'REJECTED', decidedOn: '2020-03-01', rejectionReason: 'no room' });
    expect(await transfer(store, 't2')).toMatchObject({ status: 'EXPIRED', decidedOn: '2020-07-01' });
    expect(await transfer(store, 't3')).toMatchObject({ status: 'ACCEPTED', decidedOn: '2020-09-01' });
    expect(await transfer(store, 't4')).toMatchObject({ status: 'CANCELLED', decidedOn: '2021-02-01' });
    expect(await store.collection(TRANSFERS).countDocuments({ status: 'OPEN' })).toBe(0);
  });

  it('a member who leaves in the batch that requested the transfer cancels it', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    log.record('2020-02-01', transferRequested('t1', 'm1', 'B1', 'B2', '2020-05-01'));
    log.record('2020-03-01', left('m1', 'B1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await transfer(store, 't1')).toMatchObject({ status: 'CANCELLED', decidedOn: '2020-03-01' });
  });
});
