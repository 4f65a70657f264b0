import { MAX_DUES_PERIODS } from '../../../app/dues/duesQueries';

/** A field's arguments, coerced (variables and defaults applied). */
export type FieldArgs = Readonly<Record<string, unknown>>;

/**
 * What a field costs beyond its selection. Costs are in units of about 10 µs of server time,
 * measured on the demo organization (a district of 6,000 members, 1,200 units, 30,000 events);
 * where the work depends on the unit's size, which a document does not show, the district's is used.
 */
export interface FieldCost {
  /** Work of the field itself: scans, counts, reports. */
  own?: (args: FieldArgs) => number;
  /** How many times its selection runs; default `first` for a connection, an assumed length for a list, else 1. */
  items?: (args: FieldArgs) => number;
}

/** Listing or counting everything under a unit, sorted (members of a district: about 25 ms). */
const SUBTREE_SCAN = 2_500;
/** A page of the event log or of a subtree's events with its totalCount (about 25 ms). */
const LOG_SCAN = 2_500;
/** A few indexed reads for one object (a member's dues, a member's events): not batched across the page. */
const PER_OBJECT_READS = 30;
/** One write: append, fsync, wait for the read models. */
const WRITE = 100;
/** Each distinct `knownAt` moment may replay the log into a fresh store (0.2–1 s on the demo log, more on a long one). */
export const KNOWN_AT_MOMENT = 5_000;

const subtreeWhen = (includeDescendants: unknown, listed = 20): number => (includeDescendants === true ? SUBTREE_SCAN : listed);
const subtreeUnlessFalse = (includeDescendants: unknown, small: number): number => (includeDescendants === false ? small : SUBTREE_SCAN);

/**
 * Months from `from` to `to` (`YYYY-MM`), both included; a range the resolver will refuse counts
 * as its longest allowed one, so the estimate never undercuts the work.
 */
export function monthsIn(from: unknown, to: unknown): number {
  const month = (value: unknown): number | undefined => {
    const match = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})\s*$/.exec(value) : null;
    return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
  };
  const start = month(from);
  const end = month(to);
  if (start === undefined || end === undefined || end < start) return MAX_DUES_PERIODS;
  return Math.min(end - start + 1, MAX_DUES_PERIODS);
}

/**
 * Field costs keyed by `Type.field`; `Type.*` applies to every field of the type not listed.
 * Fields not here cost 1 plus their selection. A unit test checks that every key names a field.
 */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  // The page and its totalCount come from one scan: a branch's or group's members, or a whole subtree's.
  'Query.members': { own: (args) => subtreeWhen(args.includeDescendants) },
  'Unit.members': { own: (args) => subtreeWhen(args.includeDescendants) },
  // Counts are read from per-unit count documents, batched over the request.
  'Unit.memberCount': { own: (args) => (args.includeDescendants === false ? 5 : 50) },
  'Unit.pairings': { own: (args) => subtreeUnlessFalse(args.includeDescendants, 50) },
  'Unit.events': { own: () => LOG_SCAN },
  'Query.events': { own: (args) => (isFilterOn(args.filter, 'memberId') ? PER_OBJECT_READS : LOG_SCAN) },
  'Member.events': { own: () => PER_OBJECT_READS },
  'Member.dues': { own: () => PER_OBJECT_READS, items: (args) => monthsIn(args.from, args.to) },
  // A district's report: about 20 ms for 12 months, 75 ms for 120.
  'Query.duesReport': {
    own: (args) => (args.includeDescendants === false ? 100 + 5 * monthsIn(args.from, args.to) : 1_000 + 60 * monthsIn(args.from, args.to)),
  },
  // A district's compliance: about 80 ms for 12 months, 260 ms for 120.
  'Query.meetingCompliance': { own: (args) => 2_000 + 150 * monthsIn(args.from, args.to) },
  'Query.attendanceFlags': { own: () => 3_000 },
  // Every kind of obligation over a subtree: about 0.5 s for a district, so one a request.
  'Query.obligations': { own: () => 20_000 },
  'Query.expiringTerms': { own: () => 1_000 },
  'Query.groupRanking': { own: () => 1_000 },
  'Query.units': { own: () => 400 },
  'Query.pairings': { own: () => 300 },
  // With `after`, every matching event since that position is replayed first.
  'Subscription.orgEvents': { own: (args) => (typeof args.after === 'string' ? LOG_SCAN : 10) },
  'Mutation.*': { own: () => WRITE },
};

function isFilterOn(filter: unknown, key: string): boolean {
  return typeof filter === 'object' && filter !== null && typeof (filter as Record<string, unknown>)[key] === 'string';
}
