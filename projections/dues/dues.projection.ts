import { DUES_BASES, DUES_PAYMENTS, type DuesBaseDocument, type DuesPaymentDocument } from './dues.documents';
import { DUES_CREDITS, type DuesCreditDocument } from './duesCredits.documents';
import { DUES_HORIZON, DUES_SPANS, DUES_HORIZON_ID, type DuesHorizonDocument, type DuesSpanDocument } from './duesSpans.documents';
import { DocumentCache } from '../shared/documentCache';
import type { DocumentRules } from '../shared/documentRules';
import { foldEvents, loadDocuments } from '../shared/foldEvents';
import { isOneOf, type EventOfType } from '../shared/handledEvents';
import { recomputeCredits } from './duesCredits.write';
import { advanceHorizon } from './duesHorizon';
import { loadMemberFacts } from './duesMemberFacts';
import { creditedBranchOf } from './duesPlacement';
import { spansOf } from './duesSpans.compute';
import { replaceSpans } from './duesSpans.write';
import { duesAggregate } from '../../src/domain/dues/dues.aggregate';
import { memberAggregate } from '../../src/domain/members/member.aggregate';
import { MEMBERS, MEMBERSHIPS, type MemberDocument } from '../members';
import type { Projection } from '../shared/projection';

const isDuesEvent = isOneOf(duesAggregate.eventTypes);
const isMemberEvent = isOneOf(memberAggregate.eventTypes);
const isBaseSet = isOneOf(['DuesBaseSet']);
const isPayment = isOneOf(['DuesPaid']);

/** A base set is a document of its own (the event's id); so is a payment (its id). */
const BASE_RULES: DocumentRules<EventOfType<'DuesBaseSet'>, DuesBaseDocument> = { documentIds: (event) => [event.id], evolve: (_base, event) => baseOf(event) };
const PAYMENT_RULES: DocumentRules<EventOfType<'DuesPaid'>, DuesPaymentDocument> = {
  documentIds: (event) => [event.data.paymentId],
  evolve: (_payment, event) => paymentOf(event),
};

/**
 * `duesBases` and `duesPayments`: every dues base and payment as recorded, each payment credited to
 * a branch by what the memberships say now; `duesCredits`: the payments per branch month credited;
 * `duesSpans`: which months each member counts for which branch at which base; `duesHorizon`: the
 * latest effective date they know. Memberships and members are applied before dues in a batch,
 * and every member whose facts the batch changes (a base, or a member fact that may move them,
 * recorded late or not) is re-credited and re-spanned from those read models; a payment alone
 * changes no other payment's credit and no span, so it is credited by itself.
 */
export const duesProjection: Projection = {
  name: 'dues',
  collections: [DUES_BASES, DUES_PAYMENTS, DUES_CREDITS, DUES_SPANS, DUES_HORIZON],
  handles: [...duesAggregate.eventTypes, ...memberAggregate.eventTypes],
  reads: [MEMBERS, MEMBERSHIPS],

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
    const baseEvents = duesEvents.filter(isBaseSet);
    const paymentEvents = duesEvents.filter(isPayment);
    await loadDocuments(bases, baseEvents, BASE_RULES);
    await loadDocuments(payments, paymentEvents, PAYMENT_RULES);
    foldEvents(bases, baseEvents, BASE_RULES);
    // The branch months whose credits change: of each payment recorded, and before and after each re-credit.
    const creditKeys = new Set<string>();
    for (const { document } of foldEvents(payments, paymentEvents, PAYMENT_RULES)) creditKeys.add(document.creditKey);

    const horizons = store.collection<DuesHorizonDocument>(DUES_HORIZON);
    const before = (await horizons.findOne({ _id: DUES_HORIZON_ID }, { readOnly: true })) ?? undefined;
    // A member's credits and spans follow from their member facts and bases: only a batch that
    // changes those re-credits and re-spans them whole. A payment alone is credited by itself.
    const touched = new Set([...duesEvents.filter((event) => !isPayment(event)), ...memberEvents].map((event) => event.data.memberId));
    // The first horizon: members projected before it existed have no spans or credits yet.
    if (before === undefined)
      for (const member of await store.collection<MemberDocument>(MEMBERS).find({}, { projection: { _id: 1 }, readOnly: true })) touched.add(member._id);
    const paying = paymentEvents.map((event) => event.data.memberId).filter((memberId) => !touched.has(memberId));
    const facts = await loadMemberFacts(store, [...touched, ...new Set(paying)], bases.values());

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
    const spanned = [...touched].flatMap((memberId) => {
      const fact = facts.get(memberId);
      return fact === undefined ? [] : spansOf(fact);
    });
    await replaceSpans(store.collection<DuesSpanDocument>(DUES_SPANS), touched, spanned);
    const horizon = advanceHorizon(before, [...duesEvents, ...memberEvents]);
    if (horizon !== undefined && horizon !== before) await horizons.replaceOne({ _id: DUES_HORIZON_ID }, horizon, { upsert: true });
  },

  // The members' bases, payments and spans are made anew by the replay of their dues and member
  // streams; the branch months their payments were credited to are recounted without them now.
  // A horizon the retracted event set goes back to the latest event left.
  async forget(scope, store) {
    const memberIds = [...new Set([...scope.idsIn('dues'), ...scope.idsIn('member')])];
    if (memberIds.length > 0) {
      const mine = { memberId: { $in: memberIds } };
      const payments = store.collection<DuesPaymentDocument>(DUES_PAYMENTS);
      const creditKeys = new Set((await payments.find(mine, { projection: { creditKey: 1 } })).map((payment) => payment.creditKey));
      await payments.deleteMany(mine);
      await store.collection<DuesBaseDocument>(DUES_BASES).deleteMany(mine);
      await store.collection<DuesSpanDocument>(DUES_SPANS).deleteMany(mine);
      const remaining = creditKeys.size === 0 ? [] : await payments.find({ creditKey: { $in: [...creditKeys] } });
      await recomputeCredits(store.collection<DuesCreditDocument>(DUES_CREDITS), creditKeys, remaining);
    }
    const horizons = store.collection<DuesHorizonDocument>(DUES_HORIZON);
    const horizon = await horizons.findOne({ _id: DUES_HORIZON_ID });
    if (horizon === null || horizon.position !== scope.target.position) return;
    const latest = await scope.latestLive([duesAggregate.category, memberAggregate.category]);
    if (latest === undefined) await horizons.deleteMany({ _id: DUES_HORIZON_ID });
    else
      await horizons.replaceOne(
        { _id: DUES_HORIZON_ID },
        { _id: DUES_HORIZON_ID, knownThrough: latest.effectiveDate, position: latest.position },
        { upsert: true },
      );
  },
};

const creditKeyOf = (branchId: string, period: string): string => `${branchId}@${period}`;

function baseOf(event: EventOfType<'DuesBaseSet'>): DuesBaseDocument {
  const { memberId, category, monthlyIncomeMinor, currency } = event.data;
  return { _id: event.id, memberId, category, monthlyIncomeMinor, currency, from: event.effectiveDate, recordedAt: event.recordedAt, position: event.position };
}

/** Credited as the decider saw it, until re-credited below in the same batch. */
function paymentOf(event: EventOfType<'DuesPaid'>): DuesPaymentDocument {
  const { paymentId, memberId, period, amountMinor, currency, extra, creditedBranchId } = event.data;
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
