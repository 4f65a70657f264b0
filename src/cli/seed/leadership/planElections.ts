import { defaultTermYears, type OfficerRole } from '../../../domain/leadership/officerRole';
import { addDays, addYears, type LocalDate } from '../../../domain/shared/localDate';
import type { UnitLevel } from '../../../domain/units/unitLevel';
import type { PlanTimelines } from '../awards/awardTimelines';
import { removalReason, resignationReason } from './electionTexts';
import type { OfficerPlaces } from './officerPlaces';
import { dateBetween, minDate } from '../planDates';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** The first elections follow the founding by up to this many days. */
const FIRST_ELECTION_DAYS: readonly [number, number] = [30, 200];
/** Share of elections held late, after the term ran out (a lapsed term in between). */
const LATE_CHANCE = 0.15;
/** Share of terms in which one officer resigns or is removed. */
const LEAVE_CHANCE = 0.05;
const REMOVAL_SHARE = 0.2;
/** When a unit has no full member to elect, it tries again this many days later. */
const RETRY_DAYS = 90;

type Election = Extract<PlannedCommand, { kind: 'recordElection' }>;
type Leave = Extract<PlannedCommand, { kind: 'leaveOffice' }>;

interface ElectingUnit {
  unit: UnitKey;
  level: UnitLevel;
  /** Full members of the unit (for a committee or district, of a branch under it) on `date`. */
  candidatesOn(date: LocalDate): MemberKey[];
}

/**
 * Elections over the years (DOMAIN.md "Election"): every unit elects its leadership after founding
 * and again when the term runs out (branches and groups every 3 years, committees and the district
 * every 5), mostly on time, sometimes late. Officers are full members of the unit that day. In a
 * few terms an officer resigns or is removed.
 */
export function planElections(
  random: Random,
  organization: Organization,
  timelines: PlanTimelines,
  places: OfficerPlaces,
  start: LocalDate,
  end: LocalDate,
): PlannedCommand[] {
  const fullIn = (unit: UnitKey, date: LocalDate, level: 'BRANCH' | 'GROUP'): MemberKey[] =>
    places.everInUnit(unit).filter((member) => {
      const place = places.placeOn(member, date);
      return place !== undefined && place.status === 'FULL' && (level === 'BRANCH' ? place.branch === unit : place.group === unit);
    });
  const branchesUnder = (committee: UnitKey | null, date: LocalDate): UnitKey[] =>
    organization.branches.filter((branch) => committee === null || timelines.committeeOn(branch.key, date) === committee).map((branch) => branch.key);
  const units: ElectingUnit[] = [
    { unit: organization.district, level: 'DISTRICT', candidatesOn: (date) => branchesUnder(null, date).flatMap((branch) => fullIn(branch, date, 'BRANCH')) },
    ...organization.committees.map((committee): ElectingUnit => ({
      unit: committee.key,
      level: 'COMMITTEE',
      candidatesOn: (date) => branchesUnder(committee.key, date).flatMap((branch) => fullIn(branch, date, 'BRANCH')),
    })),
    ...organization.branches.map((branch): ElectingUnit => ({ unit: branch.key, level: 'BRANCH', candidatesOn: (date) => fullIn(branch.key, date, 'BRANCH') })),
    ...organization.branches.flatMap((branch) =>
      branch.groups.map((group): ElectingUnit => ({ unit: group.key, level: 'GROUP', candidatesOn: (date) => fullIn(group.key, date, 'GROUP') })),
    ),
  ];
  const commands: PlannedCommand[] = [];
  for (const unit of units) commands.push(...electionsOf(random, unit, start, end));
  return commands;
}

function electionsOf(random: Random, unit: ElectingUnit, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const termYears = defaultTermYears(unit.level);
  const elections: Election[] = [];
  let on = addDays(start, random.int(...FIRST_ELECTION_DAYS));
  while (on <= end) {
    const candidates = random.shuffle(unit.candidatesOn(on));
    if (candidates.length === 0) {
      on = addDays(on, RETRY_DAYS);
      continue;
    }
    elections.push(election(random, unit, on, termYears, candidates));
    const due = addYears(on, termYears);
    on = random.chance(LATE_CHANCE) ? addDays(due, random.int(1, 120)) : addDays(due, -random.int(0, 45));
  }
  const leaves = elections.flatMap((held, index) => {
    const until = minDate(addDays(elections[index + 1]?.on ?? addDays(end, 1), -1), end);
    const from = addDays(held.on, 60);
    if (from > until || !random.chance(LEAVE_CHANCE)) return [];
    const officer = random.pick(held.officers).officer;
    const removal = random.chance(REMOVAL_SHARE);
    const leave: Leave = {
      kind: 'leaveOffice',
      on: dateBetween(random, from, until),
      unit: unit.unit,
      officer,
      removal,
      reason: removal ? removalReason(random) : resignationReason(random),
    };
    return [leave];
  });
  return [...elections, ...leaves];
}

function election(random: Random, unit: ElectingUnit, on: LocalDate, termYears: number, candidates: readonly MemberKey[]): Election {
  const roles = rolesToFill(random, unit.level, candidates.length);
  const counted = unit.level === 'BRANCH' || unit.level === 'GROUP';
  const eligible = candidates.length + random.int(0, 2);
  const cast = Math.max(1, eligible - random.int(0, 2));
  const officers = roles.map((role, index) => ({
    officer: candidates[index],
    role,
    votes: counted ? random.int(Math.floor(cast / 2) + 1, cast) : null,
  }));
  return {
    kind: 'recordElection',
    on,
    unit: unit.unit,
    termYears,
    officers,
    votes: counted ? { eligible, cast } : null,
    reads: officers.map((officer) => officer.officer),
  };
}

/** A group elects its leader; a unit committee grows with the unit: a small branch has only a secretary. */
function rolesToFill(random: Random, level: UnitLevel, available: number): OfficerRole[] {
  const committee = (deputies: number, members: number): OfficerRole[] => [
    'SECRETARY',
    ...Array<OfficerRole>(deputies).fill('DEPUTY_SECRETARY'),
    ...Array<OfficerRole>(members).fill('COMMITTEE_MEMBER'),
  ];
  const wanted =
    level === 'GROUP'
      ? ['GROUP_LEADER' as const]
      : level === 'BRANCH'
        ? available >= 7
          ? committee(1, random.int(1, 3))
          : available >= 3
            ? committee(0, 1)
            : committee(0, 0)
        : level === 'COMMITTEE'
          ? committee(random.int(1, 2), random.int(2, 4))
          : committee(2, 4);
  return wanted.slice(0, available);
}
