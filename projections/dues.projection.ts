import type { PositionedEvent } from '../src/domain/events';
import type { DuesEvent } from '../src/domain/dues/dues.events';
import { DUES_BASES, DUES_PAYMENTS } from './collections';
import { alreadyApplied, DocumentCache } from './documentCache';
import type { DuesBaseDocument, DuesPaymentDocument } from './dues.documents';
import { isDuesEvent } from './eventKinds';
import type { Projection } from './projection';

/** `duesBases` and `duesPayments`: every dues base and payment, as recorded. */
export const duesProjection: Projection = {
  name: 'dues',
  collections: [DUES_BASES, DUES_PAYMENTS],

  async setup(store) {
    await store.collection<DuesBaseDocument>(DUES_BASES).createIndex({ keys: { memberId: 1, from: 1 } });
    const payments = store.collection<DuesPaymentDocument>(DUES_PAYMENTS);
    await payments.createIndex({ keys: { memberId: 1, period: 1 } });
    await payments.createIndex({ keys: { creditedBranchId: 1, period: 1 } });
  },

  async apply(events, store) {
    const duesEvents = events.filter(isDuesEvent);
    if (duesEvents.length === 0) return;
    const bases = new DocumentCache(store.collection<DuesBaseDocument>(DUES_BASES));
    const payments = new DocumentCache(store.collection<DuesPaymentDocument>(DUES_PAYMENTS));
    await bases.load(duesEvents.filter((event) => event.type === 'DuesBaseSet').map((event) => event.id));
    await payments.load(duesEvents.flatMap((event) => (event.type === 'DuesPaid' ? [event.data.paymentId] : [])));
    for (const event of duesEvents) {
      if (event.type === 'DuesBaseSet') {
        if (!alreadyApplied(bases.get(event.id), event)) bases.put(baseOf(event, event.data));
      } else if (!alreadyApplied(payments.get(event.data.paymentId), event)) {
        payments.put(paymentOf(event, event.data));
      }
    }
    await bases.flush();
    await payments.flush();
  },
};

function baseOf(event: PositionedEvent<DuesEvent>, data: Extract<DuesEvent, { type: 'DuesBaseSet' }>['data']): DuesBaseDocument {
  const { memberId, category, monthlyIncomeMinor, currency } = data;
  return { _id: event.id, memberId, category, monthlyIncomeMinor, currency, from: event.effectiveDate, recordedAt: event.recordedAt, position: event.position };
}

function paymentOf(event: PositionedEvent<DuesEvent>, data: Extract<DuesEvent, { type: 'DuesPaid' }>['data']): DuesPaymentDocument {
  const { paymentId, memberId, period, amountMinor, currency, extra, creditedBranchId } = data;
  return {
    _id: paymentId, memberId, period, amountMinor, currency, extra, creditedBranchId, paidOn: event.effectiveDate,
    recordedAt: event.recordedAt, position: event.position, version: event.revision,
  };
}
