import type { AccessRules } from '../shared/access/accessRules';
import { id, type MutationScopeRules } from '../shared/access/mutationScope';
import { ANY_ROLE, PERSONAL, READERS, WRITERS } from '../shared/access/roles';

/** Who may read each field the dues feature adds to the schema (deny by default: a field left out is refused). */
export const duesAccess = {
  DuesBase: {
    category: READERS,
    memberId: READERS,
    monthlyDue: READERS,
    monthlyIncome: READERS,
  },
  DuesBasePayload: {
    duesBase: ANY_ROLE,
    eventIds: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  DuesPayment: {
    due: READERS,
    extra: READERS,
    outstanding: READERS,
    paid: READERS,
    payments: READERS,
    period: READERS,
  },
  DuesPaymentPayload: {
    dues: ANY_ROLE,
    eventIds: ANY_ROLE,
    paymentId: ANY_ROLE,
    position: ANY_ROLE,
    version: ANY_ROLE,
  },
  DuesPaymentRecord: {
    amount: READERS,
    creditedBranchId: READERS,
    extra: READERS,
    id: READERS,
    paidOn: READERS,
  },
  DuesReport: {
    from: READERS,
    includeDescendants: READERS,
    months: READERS,
    to: READERS,
    totals: READERS,
    unitId: READERS,
  },
  DuesReportMonth: {
    due: READERS,
    membersDue: READERS,
    membersInArrears: READERS,
    outstanding: READERS,
    paid: READERS,
    period: READERS,
  },
  DuesReportTotals: {
    due: READERS,
    membersDue: READERS,
    membersInArrears: READERS,
    outstanding: READERS,
    paid: READERS,
  },
  Member: {
    dues: READERS,
  },
  Money: {
    amount: PERSONAL,
    currency: PERSONAL,
    minor: PERSONAL,
  },
  Mutation: {
    recordDuesPayment: WRITERS,
    setDuesBase: WRITERS,
  },
  Query: {
    duesReport: READERS,
  },
} satisfies AccessRules;

/** What each of the feature's mutations acts on: a scoped caller must reach all of it (mutationScope.ts). */
export const duesMutationScope: MutationScopeRules = {
  recordDuesPayment: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
  setDuesBase: (input) => [{ kind: 'member', id: id(input, 'memberId'), field: 'memberId' }],
};
