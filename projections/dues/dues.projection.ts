import { eventsOf, type PositionedEvent } from '../../src/domain/events';
import type { DuesEvent } from '../../src/domain/dues/dues.events';
import { DUES_BASES, DUES_CREDITS, DUES_HORIZON, DUES_PAYMENTS, DUES_SPANS, MEMBERS } from '../shared/collections';
import { alreadyApplied, DocumentCache } from '../shared/documentCache';
import type { DuesBaseDocument, DuesPaymentDocument } from './dues.documents';
import type { DuesCreditDocument } from './duesCredits.documents';
import { recomputeCredits } from './duesCredits.write';
import { advanceHorizon } from './duesHorizon';
import { loadMemberFacts } from './duesMemberFacts';
import { creditedBranchOf } from './duesPlacement';
import { spansOf } from './duesSpans.compute';
import { DUES_HORIZON_ID, type DuesHorizonDocument, type DuesSpanDocument } from './duesSpans.documents';
import { replaceSpans } from './duesSpans.write';
import { duesAggregate } from '../../src/domain/dues/dues.aggregate';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import type { MemberDocument } from '../members/members.documents';
import type { Projection } from '../shared/projection';

const isDuesEvent = eventsOf(duesAggregate);
const isMemberEvent = eventsOf(memberAggregate);

/**
 * `duesBases` and `duesPayments`: every dues base and payment as recorded, each payment credited to
 * a branch by what the memberships say now; `duesCredits`: the payments per branch month credited;
 * `duesSpans`: which months each member counts for which branch at which base; `duesHorizon`: the
 * latest effective date they know. Memberships and members
 * are applied before dues in a batch, and every member the batch touches (a dues fact, or a member
 * fact that may move them, recorded late or not) is re-credited and re-spanned from those read models.
 */
export const duesProjection: Projection = {
  name: 'dues',
  collections: [DUES_BASES, DUES_PAYMENTS, DUES_CREDITS, DUES_SPANS, DUES_HORIZON],

  async setup(store) {
    await store.collection<DuesBaseDocument>(DUES_BASES).createIndex({ keys: { memberId: 1, from: 1 } });
    const payments = store.collection<DuesPaymentDocument>(DUES_PAYMENTS);
    await payments.createIndex({ keys: { memberId: 1, period: 1 } });
    await payments.createIndex({ keys: { creditedBranchId: 1, period: 1 } });
    await payments.createIndex({ keys: { creditKey: 1 } });
    const spans = store.collection<DuesSpanDocument>(DUES_SPANS);
    await spans.createIndex({ keys: { memberId: 1 } });
    await spans.createIndex({ keys: { branchYears: 1 } });
  },

  async apply(events, store) {
    const duesEvents = events.filter(isDuesEvent);
    const memberEvents = events.filter(isMemberEvent);
    if (duesEvents.length === 0 && memberEvents.length === 0) return;
    const bases = new DocumentCache(store.collection<DuesBaseDocument>(DUES_BASES));
    const payments = new DocumentCache(store.collection<DuesPaymentDocument>(DUES_PAYMENTS));
    await bases.load(duesEvents.filter((event) => event.type === 'DuesBaseSet').map((event) => event.id));
    await payments.load(duesEvents.flatMap((event) => (event.type === 'DuesPaid' ? [event.data.paymentId] : [])));
    // The branch months whose credits change: of each payment recorded, and before and after each re-credit.
    const creditKeys = new Set<string>();
    for (const event of duesEvents) {
      if (event.type === 'DuesBaseSet') {
        if (!alreadyApplied(bases.get(event.id), event)) bases.put(baseOf(event, event.data));
      } else if (!alreadyApplied(payments.get(event.data.paymentId), event)) {
        const payment = paymentOf(event, event.data);
        payments.put(payment);
        creditKeys.add(payment.creditKey);
      }
    }

    const horizons = store.collection<DuesHorizonDocument>(DUES_HORIZON);
    const before = (await horizons.findOne({ _id: DUES_HORIZON_ID })) ?? undefined;
    const touched = new Set([...duesEvents, ...memberEvents].map((event) => event.data.memberId));
    // The first horizon: members projected before it existed have no spans or credits yet.
    if (before === undefined)
      for (const member of await store.collection<MemberDocument>(MEMBERS).find({}, { projection: { _id: 1 } })) touched.add(member._id);
    const facts = await loadMemberFacts(store, [...touched], bases.values());

    await payments.loadWhere({ memberId: { $in: [...touched] } });
    for (const payment of payments.values()) {
      if (before === undefined) creditKeys.add(payment.creditKey);
      const fact = facts.get(payment.memberId);
      if (fact === undefined) continue;
      const creditedBranchId = creditedBranchOf(fact.memberships, payment.period, fact.joinedOn, payment.recordedBranchId);
      if (creditedBranchId === payment.creditedBranchId) continue;
      const creditKey = creditKeyOf(creditedBranchId, payment.period);
      creditKeys.add(payment.creditKey).add(creditKey);
      payments.put({ ...payment, creditedBranchId, creditKey });
    }
    // Credits first, from the payments as they will be stored: a replay that finds the payments
    // written finds the credits written too.
    if (creditKeys.size > 0) await payments.loadWhere({ creditKey: { $in: [...creditKeys] } });
    await recomputeCredits(store.collection<DuesCreditDocument>(DUES_CREDITS), creditKeys, payments.values());
    await bases.flush();
    await payments.flush();
    await replaceSpans(store.collection<DuesSpanDocument>(DUES_SPANS), touched, [...facts.values()].flatMap(spansOf));
    const horizon = advanceHorizon(before, [...duesEvents, ...memberEvents]);
    if (horizon !== undefined && horizon !== before) await horizons.replaceOne({ _id: DUES_HORIZON_ID }, horizon, { upsert: true });
  },
};

const creditKeyOf = (branchId: string, period: string): string => `${branchId}@${period}`;

function baseOf(event: PositionedEvent<DuesEvent>, data: Extract<DuesEvent, { type: 'DuesBaseSet' }>['data']): DuesBaseDocument {
  const { memberId, category, monthlyIncomeMinor, currency } = data;
  return { _id: event.id, memberId, category, monthlyIncomeMinor, currency, from: event.effectiveDate, recordedAt: event.recordedAt, position: event.position };
}

/** Credited as the decider saw it, until re-credited below in the same batch. */
function paymentOf(event: PositionedEvent<DuesEvent>, data: Extract<DuesEvent, { type: 'DuesPaid' }>['data']): DuesPaymentDocument {
  const { paymentId, memberId, period, amountMinor, currency, extra, creditedBranchId } = data;
  return {
    _id: paymentId,
    memberId,
    period,
    amountMinor,
    currency,
    extra,
    creditedBranchId,
    creditKey: creditKeyOf(creditedBranchId, period),
    recordedBranchId: creditedBranchId,
    paidOn: event.effectiveDate,
    recordedAt: event.recordedAt,
    position: event.position,
    version: event.revision,
  };
}
