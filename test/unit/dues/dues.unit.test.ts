import { DUES_BASES, DUES_PAYMENTS, EVENT_INDEX, type DuesBaseDocument, type DuesPaymentDocument, type EventIndexDocument } from '../../../projections';
import type { DuesEvent } from '../../../src/domain/dues/dues.events';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const baseSet: DuesEvent = { type: 'DuesBaseSet', data: { memberId: 'm1', category: 'EMPLOYED', monthlyIncomeMinor: 850000, currency: 'CNY' } };
const paid = (paymentId: string, period: string, creditedBranchId = 'B1'): DuesEvent => ({
  type: 'DuesPaid',
  data: { paymentId, memberId: 'm1', period, amountMinor: 12750, currency: 'CNY', extra: false, creditedBranchId },
});

describe('dues', () => {
  it('keeps every base and payment once, whatever the batch size, and indexes a payment under the credited branch', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', null, 'FULL'));
    const base = log.record('2020-01-01', baseSet);
    log.record('2024-01-20', paid('p1', '2024-01'));
    const second = log.record('2024-03-02', paid('p2', '2024-02', 'B2'));
    for (const batchSize of [1, 2, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      await project(store, log.events);
      expect(await store.collection<DuesBaseDocument>(DUES_BASES).find({})).toEqual([
        expect.objectContaining({ _id: base.id, memberId: 'm1', monthlyIncomeMinor: 850000, from: '2020-01-01' }),
      ]);
      const payments = await store.collection<DuesPaymentDocument>(DUES_PAYMENTS).find({}, { sort: { period: 1 } });
      expect(payments.map((payment) => [payment._id, payment.period, payment.paidOn, payment.creditedBranchId, payment.version])).toEqual([
        ['p1', '2024-01', '2024-01-20', 'B1', 1],
        ['p2', '2024-02', '2024-03-02', 'B2', 2],
      ]);
      expect(second.stream).toBe('dues-m1');
      const indexed = await store.collection<EventIndexDocument>(EVENT_INDEX).findOne({ _id: second.position });
      expect(indexed?.unitIds).toEqual(expect.arrayContaining(['B1', 'B2']));
    }
  });
});
