import {
  DUES_CREDITS,
  DUES_HORIZON,
  DUES_PAYMENTS,
  DUES_SPANS,
  duesProjection,
  type DuesCreditDocument,
  type DuesHorizonDocument,
  type DuesPaymentDocument,
  type DuesSpanDocument,
} from '../../../projections';
import type { DuesEvent } from '../../../src/domain/dues/dues.events';
import type { OrgEvent } from '../../../src/domain/events';
import type { ReadStore } from '../../../src/readstore/readStore';
import { groupAssigned, left, transferAccepted, transferRequested } from '../support/eventLog';
import { dump, freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const fullMember = (memberId: string, branchId: string, joinedOn: string): OrgEvent => ({
  type: 'MemberRegistered',
  data: { memberId, name: `Name of ${memberId}`, branchId, groupId: null, status: 'FULL', joinedOn },
});
const baseSet = (memberId: string): DuesEvent => ({
  type: 'DuesBaseSet',
  data: { memberId, category: 'EMPLOYED', monthlyIncomeMinor: 850000, currency: 'CNY' },
});
const paid = (paymentId: string, memberId: string, period: string, creditedBranchId: string, amountMinor = 12750): DuesEvent => ({
  type: 'DuesPaid',
  data: { paymentId, memberId, period, amountMinor, currency: 'CNY', extra: false, creditedBranchId },
});

async function payment(
  store: ReadStore,
  paymentId: string,
): Promise<Pick<DuesPaymentDocument, 'creditedBranchId' | 'recordedBranchId' | 'creditKey'> | undefined> {
  const found = await store.collection<DuesPaymentDocument>(DUES_PAYMENTS).findOne({ _id: paymentId });
  return found === null ? undefined : { creditedBranchId: found.creditedBranchId, recordedBranchId: found.recordedBranchId, creditKey: found.creditKey };
}

async function credits(store: ReadStore): Promise<[string, number, string[], number[]][]> {
  const found = await store.collection<DuesCreditDocument>(DUES_CREDITS).find({}, { sort: { _id: 1 } });
  return found.map((credit) => [credit._id, credit.creditedMinor, credit.memberIds, credit.paidMinor]);
}

async function spans(store: ReadStore, memberId: string): Promise<[string, string, string | null, string | null, number][]> {
  const found = await store.collection<DuesSpanDocument>(DUES_SPANS).find({ memberId }, { sort: { from: 1 } });
  return found.map((span) => [span.branchId, span.from, span.to, span.category, span.monthlyIncomeMinor]);
}

describe('dues credits follow corrections', () => {
  it('a transfer recorded late, effective before the period, moves an already projected payment from B1 to B2', async () => {
    const log = logWithTree();
    log.record('2020-01-01', fullMember('m1', 'B1', '2001-07-01'));
    log.record('2020-01-01', baseSet('m1'));
    log.record('2024-02-20', paid('p-feb', 'm1', '2024-02', 'B1'));
    log.record('2024-03-05', paid('p-mar', 'm1', '2024-03', 'B1'));
    const beforeCorrection = log.events.length;
    // Entered late: the member moved to B2 on 2024-02-15, so March (credit day 03-01) is B2's; February (02-01) stays B1's.
    log.record('2024-02-10', transferRequested('t1', 'm1', 'B1', 'B2', '2024-05-10'));
    log.record('2024-02-15', transferAccepted('t1', 'm1', 'B1', 'B2'));

    for (const batchSize of [1, 2, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events.slice(0, beforeCorrection), batchSize);
      expect(await payment(store, 'p-mar')).toEqual({ creditedBranchId: 'B1', recordedBranchId: 'B1', creditKey: 'B1@2024-03' });
      expect(await credits(store)).toEqual([
        ['B1@2024-02', 12750, ['m1'], [12750]],
        ['B1@2024-03', 12750, ['m1'], [12750]],
      ]);

      await project(store, log.events.slice(beforeCorrection), batchSize);
      expect(await payment(store, 'p-feb')).toEqual({ creditedBranchId: 'B1', recordedBranchId: 'B1', creditKey: 'B1@2024-02' });
      expect(await payment(store, 'p-mar')).toEqual({ creditedBranchId: 'B2', recordedBranchId: 'B1', creditKey: 'B2@2024-03' });
      expect(await credits(store)).toEqual([
        ['B1@2024-02', 12750, ['m1'], [12750]],
        ['B2@2024-03', 12750, ['m1'], [12750]],
      ]);
      expect(await spans(store, 'm1')).toEqual([
        ['B1', '2020-01', '2024-02', 'EMPLOYED', 850000],
        ['B2', '2024-03', null, 'EMPLOYED', 850000],
      ]);
      expect(await store.collection<DuesHorizonDocument>(DUES_HORIZON).findOne({})).toMatchObject({ knownThrough: '2024-03-05' });
    }
  });

  it('gives the same dues read models whatever the batches, and a replay changes nothing', async () => {
    const log = logWithTree();
    log.record('2020-01-01', fullMember('m1', 'B1', '2001-07-01'));
    log.record('2020-01-10', fullMember('m2', 'B2', '2020-03-15'));
    log.record('2020-01-01', baseSet('m1'));
    log.record('2020-04-01', baseSet('m2'));
    log.record('2024-02-20', paid('p1', 'm1', '2024-02', 'B1'));
    log.record('2024-03-05', paid('p2', 'm1', '2024-03', 'B1', 5000));
    log.record('2024-03-06', paid('p3', 'm2', '2024-03', 'B2'));
    log.record('2024-03-07', groupAssigned('m2', 'B2', 'G2', null));
    log.record('2024-02-10', transferRequested('t1', 'm1', 'B1', 'B2', '2024-05-10'));
    log.record('2024-02-15', transferAccepted('t1', 'm1', 'B1', 'B2'));
    log.record('2024-06-30', left('m2', 'B2'));
    const duesModels = async (store: ReadStore): Promise<unknown> => {
      const all = await dump(store);
      return Object.fromEntries(duesProjection.collections.map((name) => [name, all[name]]));
    };
    const whole = await freshStore();
    await project(whole, log.events);
    const expected = await duesModels(whole);
    expect(await credits(whole)).toEqual([
      ['B1@2024-02', 12750, ['m1'], [12750]],
      ['B2@2024-03', 17750, ['m1', 'm2'], [5000, 12750]],
    ]);
    // m2 joined mid-March after registering in January: March's credit day is the day of joining.
    expect(await spans(whole, 'm2')).toEqual([
      ['B2', '2020-03', '2020-03', null, 0],
      ['B2', '2020-04', '2024-06', 'EMPLOYED', 850000],
    ]);

    for (const batchSize of [1, 3, 5]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      expect(await duesModels(store)).toEqual(expected);
      await project(store, log.events.slice(4), 2);
      expect(await duesModels(store)).toEqual(expected);
    }
  });
});
