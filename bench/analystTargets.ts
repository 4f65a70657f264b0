import {
  DUES_PAYMENTS,
  EVENT_INDEX,
  MEETINGS,
  UNITS,
  type DuesPaymentDocument,
  type EventIndexDocument,
  type MeetingDocument,
  type UnitDocument,
} from '../projections';
import type { ReadStore } from '../src/readstore/readStore';
import { notes } from './report';

/** How many months a dues report covers in the bench. */
export const DUES_REPORT_MONTHS = 12;

/** What the analyst queries of figure 5 ask about, read from the dataset itself. */
export interface AnalystTargets {
  /** The dataset's "today": the latest effective date in the log. */
  today: string;
  /** The committee with the most dues payments credited to its branches (the one the seed gives dues). */
  duesCommitteeId: string;
  /** `YYYY-MM`: the last DUES_REPORT_MONTHS complete months, ending with the last one that has dues there. */
  duesFrom: string;
  duesTo: string;
  /** The committee with the most theme party days held in the twelve months up to `today`. */
  meetingsCommitteeId: string;
}

/**
 * Reads the targets from the built read models rather than re-running the seed's planners: the
 * dues planner gives the first committee a year of dues, the meetings planner covers a quarter of
 * the committees. Without dues or meetings (the small hand-made org), `fallbackCommitteeId` and the
 * last complete months are used, with a note.
 */
export async function analystTargets(readStore: ReadStore, fallbackCommitteeId: string): Promise<AnalystTargets> {
  const today = await datasetToday(readStore);
  const committeeOf = await committeeLookup(readStore);
  const lastComplete = lastCompleteMonth(today);

  const payments = await readStore
    .collection<DuesPaymentDocument>(DUES_PAYMENTS)
    .find({ period: { $lte: lastComplete } }, { projection: { _id: 1, creditedBranchId: 1, period: 1 } });
  const duesCommitteeId = mostFrequent(payments.map((payment) => committeeOf(payment.creditedBranchId)));
  let duesTo = lastComplete;
  if (duesCommitteeId === undefined) {
    notes.push(`5  no dues payments in the dataset: duesReport asks about committee ${fallbackCommitteeId} for ${DUES_REPORT_MONTHS} months without dues`);
  } else {
    duesTo = payments
      .filter((payment) => committeeOf(payment.creditedBranchId) === duesCommitteeId)
      .reduce((last, payment) => (payment.period > last ? payment.period : last), '');
  }

  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const partyDays = await readStore
    .collection<MeetingDocument>(MEETINGS)
    .find({ kind: 'THEME_PARTY_DAY', heldOn: { $gt: yearBefore, $lte: today } }, { projection: { _id: 1, unitId: 1 } });
  const meetingsCommitteeId = mostFrequent(partyDays.map((meeting) => committeeOf(meeting.unitId)));
  if (meetingsCommitteeId === undefined) {
    notes.push(`5  no theme party days in the dataset: attendanceFlags asks about committee ${fallbackCommitteeId}, which has none`);
  }

  return {
    today,
    duesCommitteeId: duesCommitteeId ?? fallbackCommitteeId,
    duesFrom: addMonths(duesTo, 1 - DUES_REPORT_MONTHS),
    duesTo,
    meetingsCommitteeId: meetingsCommitteeId ?? fallbackCommitteeId,
  };
}

/** The latest effective date of any event: the seed's end date (the last day of the month before it ran). */
async function datasetToday(readStore: ReadStore): Promise<string> {
  const latest = await readStore
    .collection<EventIndexDocument>(EVENT_INDEX)
    .findOne({}, { sort: { effectiveDate: -1 }, projection: { _id: 1, effectiveDate: 1 } });
  if (latest === null) throw new Error('the dataset has no events');
  return latest.effectiveDate;
}

/** unit id → the id of the committee it is in (itself for a committee), from the units as they stand now. */
async function committeeLookup(readStore: ReadStore): Promise<(unitId: string) => string | undefined> {
  const units = await readStore.collection<UnitDocument>(UNITS).find({}, { projection: { _id: 1, level: 1, ancestors: 1 } });
  const committees = new Set(units.filter((unit) => unit.level === 'COMMITTEE').map((unit) => unit._id));
  const byId = new Map(units.map((unit) => [unit._id, unit]));
  return (unitId) => {
    if (committees.has(unitId)) return unitId;
    return byId.get(unitId)?.ancestors.find((ancestor) => committees.has(ancestor));
  };
}

/** The value found most often (ties: the smallest), ignoring undefined; undefined when there is none. */
function mostFrequent(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) [best, bestCount] = [value, count];
  }
  return best;
}

/** `YYYY-MM` of the last month that has ended by `date` (YYYY-MM-DD): its own month on its last day. */
function lastCompleteMonth(date: string): string {
  const month = date.slice(0, 7);
  return isLastDayOfMonth(date) ? month : addMonths(month, -1);
}

function isLastDayOfMonth(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** `YYYY-MM` (or the month of a YYYY-MM-DD) plus `months`, as `YYYY-MM`. */
function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
