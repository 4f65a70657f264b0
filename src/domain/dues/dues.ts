import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { LocalDate } from '../shared/localDate';
import type { DuesEvent } from './dues.events';
import type { DuesBase } from './duesPolicy';

/** A dues base in force from `from`. */
export interface DatedDuesBase extends DuesBase {
  from: LocalDate;
}

/** The state of stream `dues-<memberId>`. */
export interface DuesState {
  /** In effective-date order. */
  bases: readonly DatedDuesBase[];
  /** Per period, what was paid towards what is due (extra contributions not counted), in minor units. */
  paidTowardsDue: Readonly<Record<string, number>>;
}

export const initialDuesState = (): DuesState => ({ bases: [], paidTowardsDue: {} });

/** The base in force on `date`: the last one set on or before it. */
export function baseOn(bases: readonly DatedDuesBase[], date: LocalDate): DatedDuesBase | undefined {
  let found: DatedDuesBase | undefined;
  for (const base of bases) if (base.from <= date) found = base;
  return found;
}

export function evolve(state: DuesState, event: Dated<DuesEvent>): DuesState {
  switch (event.type) {
    case 'DuesBaseSet': {
      const { category, monthlyIncomeMinor } = event.data;
      const bases = [...state.bases.filter((base) => base.from !== event.effectiveDate), { from: event.effectiveDate, category, monthlyIncomeMinor }];
      return { ...state, bases: bases.sort((a, b) => a.from.localeCompare(b.from)) };
    }
    case 'DuesPaid': {
      if (event.data.extra) return state;
      const { period, amountMinor } = event.data;
      return { ...state, paidTowardsDue: { ...state.paidTowardsDue, [period]: (state.paidTowardsDue[period] ?? 0) + amountMinor } };
    }
    default:
      return assertNever(event);
  }
}
