import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import type { PlanTimelines } from '../awards/awardTimelines';
import { MemberStays } from '../members/memberStays';
import { ADVISED_COMMUNITIES, ADVISED_VILLAGES, endReason, householdName } from './pairingTexts';
import { dateBetween, daysBetween, minDate } from '../planDates';
import type { Organization, PlannedBranch } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PairingKey, PlannedCommand } from '../seedPlan';

/** Pairings start once the organization has run for a while. */
const SETTLING_DAYS = 60;
/** The shortest pairing worth recording. */
const MIN_DAYS = 30;
const LAW_BRANCHES = 3;
const PLACES_PER_BRANCH: readonly [number, number] = [3, 5];
/** Places one lawyer advises at a time. */
const MAX_PLACES_PER_LAWYER = 2;
const OPEN_ADVISER_TERM_CHANCE = 0.4;
const MENTORED_CHANCE = 0.35;
const ASSISTING_CHANCE = 0.05;
const ENDED_ASSISTANCE_CHANCE = 0.6;

type Assign = Extract<PlannedCommand, { kind: 'assignPairing' }>;
type Interval = { start: LocalDate; end: LocalDate | null };

/**
 * Pairings over the years (DOMAIN.md "Pairing assignment"): member-lawyers of a few law-firm
 * branches advise villages and communities, one adviser per place at a time, handing over now
 * and then (一村一法律顾问); probationary members are paired with a full member of their branch
 * for a year or two (新老结合); some members help a household in need (帮扶结对子). Every pairing
 * starts while its members are in their branch and ends before either leaves it.
 */
export function planPairings(
  random: Random,
  organization: Organization,
  timelines: PlanTimelines,
  memberCommands: readonly PlannedCommand[],
  start: LocalDate,
  end: LocalDate,
): PlannedCommand[] {
  const from = addDays(start, SETTLING_DAYS);
  if (from > end) return [];
  const stays = new MemberStays(timelines, memberCommands);
  const planner = new PairingPlanner(random, end);
  planAdvisers(random, planner, stays, organization, from, end);
  planMentors(random, planner, stays, organization, from, end);
  planAssistance(random, planner, stays, from, end);
  return planner.commands;
}

class PairingPlanner {
  readonly commands: PlannedCommand[] = [];
  private next = 0;

  constructor(
    private readonly random: Random,
    private readonly end: LocalDate,
  ) {}

  /** Plans the pairing and, when `until` is set, its end on that day. */
  pair(fields: Omit<Assign, 'kind' | 'pairing'>, until: LocalDate | null): PairingKey {
    const pairing = `pair${this.next++}`;
    this.commands.push({ kind: 'assignPairing', pairing, ...fields });
    if (until !== null) this.commands.push({ kind: 'endPairing', on: until, pairing, reason: endReason(this.random, fields.pairingKind) });
    return pairing;
  }

  /**
   * The last day of a pairing from `start` meant to run until `wanted` (null: open), ended the day
   * before any of `leaving` (days members leave their branch); null when it still holds at the end
   * of the history, undefined when it would be too short to plan.
   */
  lastDay(start: LocalDate, wanted: LocalDate | null, leaving: readonly (LocalDate | null)[]): LocalDate | null | undefined {
    let on = wanted;
    for (const day of leaving) if (day !== null && (on === null || on >= day)) on = addDays(day, -1);
    if (on !== null && on > this.end) on = null;
    if (on !== null && daysBetween(start, on) < MIN_DAYS) return undefined;
    return on;
  }
}

function planAdvisers(random: Random, planner: PairingPlanner, stays: MemberStays, organization: Organization, from: LocalDate, end: LocalDate): void {
  const places = random.shuffle([
    ...ADVISED_VILLAGES.map((name) => ({ kind: 'VILLAGE' as const, name })),
    ...ADVISED_COMMUNITIES.map((name) => ({ kind: 'COMMUNITY' as const, name })),
  ]);
  const terms = new Map<MemberKey, Interval[]>();
  const busy = (lawyer: MemberKey, term: Interval): boolean =>
    (terms.get(lawyer) ?? []).filter((other) => overlaps(other, term)).length >= MAX_PLACES_PER_LAWYER;
  for (const branch of lawBranches(random, organization)) {
    for (const place of places.splice(0, random.int(...PLACES_PER_BRANCH))) {
      let on = dateBetween(random, from, minDate(addDays(from, 365), end));
      let previous: { pairing: PairingKey; lawyer: MemberKey } | undefined;
      while (on <= end) {
        const wanted = random.chance(OPEN_ADVISER_TERM_CHANCE) ? null : addDays(on, random.int(365, 3 * 365));
        const chosen = random
          .shuffle(stays.inBranchOn(branch.key, on, ['PROBATIONARY', 'FULL']))
          .filter((lawyer) => lawyer !== previous?.lawyer)
          .map((lawyer) => ({ lawyer, until: planner.lastDay(on, wanted, [stays.stayUntil(lawyer, on)]) }))
          .find(
            (candidate): candidate is { lawyer: MemberKey; until: LocalDate | null } =>
              candidate.until !== undefined && !busy(candidate.lawyer, { start: on, end: candidate.until }),
          );
        if (chosen === undefined) {
          on = addDays(on, 30);
          continue;
        }
        terms.set(chosen.lawyer, [...(terms.get(chosen.lawyer) ?? []), { start: on, end: chosen.until }]);
        // The next adviser of a place is assigned only once the previous one's end is recorded.
        const reads = previous === undefined ? [chosen.lawyer] : [chosen.lawyer, previous.pairing];
        const pairing = planner.pair({ on, pairingKind: 'LEGAL_ADVISER', party: chosen.lawyer, counterpart: { ...place }, reads }, chosen.until);
        if (chosen.until === null) break;
        previous = { pairing, lawyer: chosen.lawyer };
        on = addDays(chosen.until, random.int(1, 30));
      }
    }
  }
}

/** Branches of law firms (their names say 律师); two or three working branches when there are none. */
function lawBranches(random: Random, organization: Organization): PlannedBranch[] {
  const firms = organization.branches.filter((branch) => branch.profile !== 'retiree' && branch.name.includes('律师'));
  const working = organization.branches.filter((branch) => branch.profile === 'working');
  return firms.length > 0 ? random.shuffle(firms).slice(0, LAW_BRANCHES) : random.shuffle(working).slice(0, random.int(2, 3));
}

function planMentors(random: Random, planner: PairingPlanner, stays: MemberStays, organization: Organization, from: LocalDate, end: LocalDate): void {
  const retiree = new Set(organization.branches.filter((branch) => branch.profile === 'retiree').map((branch) => branch.key));
  for (const mentee of stays.members()) {
    const probationary = stays.firstDayOf(mentee, 'PROBATIONARY');
    if (probationary === undefined || !random.chance(MENTORED_CHANCE)) continue;
    const on = minDate(addDays(probationary > from ? probationary : from, random.int(0, 45)), end);
    const state = stays.on(mentee, on);
    if (state === undefined || state.status !== 'PROBATIONARY' || retiree.has(state.branch)) continue;
    const mentors = stays.inBranchOn(state.branch, on, ['FULL']).filter((member) => member !== mentee);
    if (mentors.length === 0) continue;
    const mentor = random.pick(mentors);
    const until = planner.lastDay(on, addDays(on, random.int(365, 730)), [stays.stayUntil(mentee, on), stays.stayUntil(mentor, on)]);
    if (until === undefined) continue;
    planner.pair({ on, pairingKind: 'MENTOR', party: mentor, counterpart: { kind: 'MEMBER', member: mentee }, reads: [mentor, mentee] }, until);
  }
}

function planAssistance(random: Random, planner: PairingPlanner, stays: MemberStays, from: LocalDate, end: LocalDate): void {
  for (const helper of stays.members()) {
    if (!random.chance(ASSISTING_CHANCE)) continue;
    const on = dateBetween(random, from, end);
    const state = stays.on(helper, on);
    if (state === undefined || (state.status !== 'PROBATIONARY' && state.status !== 'FULL')) continue;
    const wanted = random.chance(ENDED_ASSISTANCE_CHANCE) ? addDays(on, random.int(365, 3 * 365)) : null;
    const until = planner.lastDay(on, wanted, [stays.stayUntil(helper, on)]);
    if (until === undefined) continue;
    planner.pair({ on, pairingKind: 'ASSISTANCE', party: helper, counterpart: { kind: 'HOUSEHOLD', name: householdName(random) }, reads: [helper] }, until);
  }
}

const overlaps = (a: Interval, b: Interval): boolean => (b.end === null || a.start <= b.end) && (a.end === null || b.start <= a.end);
