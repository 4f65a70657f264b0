import { addDays, addYears, type LocalDate } from '../src/domain/shared/localDate';
import { MEMBER_STAGES, type MemberStage } from '../src/domain/members/memberStatus';
import { UNIT_LEVELS } from '../src/domain/units/unitLevel';
import { PlanTimelines } from '../src/cli/seed/awards/awardTimelines';
import { planMemberLife, type LifeWorld } from '../src/cli/seed/members/memberLife';
import { MEMBER_PROFILES, newcomer } from '../src/cli/seed/members/memberProfiles';
import { MemberPlaces } from '../src/cli/seed/members/memberPlaces';
import { leaveNote } from '../src/cli/seed/members/memberTexts';
import { OfficerPlaces } from '../src/cli/seed/leadership/officerPlaces';
import { personName } from '../src/cli/seed/members/personNames';
import { planAppraisals } from '../src/cli/seed/assessments/planAppraisals';
import { planAwards } from '../src/cli/seed/awards/planAwards';
import { dateBetween, minDate } from '../src/cli/seed/planDates';
import { planDues } from '../src/cli/seed/dues/planDues';
import { planElections } from '../src/cli/seed/leadership/planElections';
import { planGroupScores } from '../src/cli/seed/assessments/planGroupScores';
import { planMeetings } from '../src/cli/seed/meetings/planMeetings';
import { planOrganization, type Organization } from '../src/cli/seed/units/planOrganization';
import { planPairings } from '../src/cli/seed/pairings/planPairings';
import { planUnitChanges } from '../src/cli/seed/units/planUnitChanges';
import { noTransfers, transferWorldOf, weightedPicker } from '../src/cli/seed/members/planMembers';
import { Random } from '../src/cli/seed/random';
import type { PlannedCommand, PlanSizes } from '../src/cli/seed/seedPlan';

/**
 * A long history at the demo organization's size, for the history bench (figure 6).
 *
 * `orgtrack seed --members 60000 --years 60` would not do: the seed puts 80% of its members on
 * the books in the first two months and lets only ~5% of them ever leave, so that org would have
 * ~48,000–57,000 members at any time (8–10× the demo). This plan keeps the demo's units
 * (21 committees, 300 branches, 900 groups) and the demo's members on the books at the start
 * (4,800), registers the other members evenly over the years, and gives every member a stay of
 * 60 days plus an exponential rest (mean `meanStayYears` in all), after which they leave. With
 * 60,000 members over 60 years (920 registered a year, 6-year stays) about 4,800–5,500 are on
 * the books at any time, like the demo's 4,800–5,700, while the log holds ten times the history.
 * Everything else (member lives, units, awards, pairings, elections, meetings, scores, appraisals,
 * dues) is planned by the seed's own planners, in the same way as `planSeed`.
 */
export interface HistoryPlanInput {
  seed: number;
  /** Members registered over the whole history, those on the books at the start included. */
  members: number;
  years: number;
  /** Members on the books on the first day (entered during the first two months). */
  initialMembers: number;
  /** Mean stay from registration to leaving, in years. */
  meanStayYears: number;
  endDate: LocalDate;
  transferExpiryDays: number;
}

const UNIT_SIZES: Pick<PlanSizes, 'committees' | 'branches' | 'groups'> = { committees: 21, branches: 300, groups: 900 };
const INITIAL_ENTRY_DAYS = 59;
const IN_GROUP_CHANCE = 0.92;
const SHORTEST_STAY_DAYS = 60;

export interface HistoryPlan {
  startDate: LocalDate;
  endDate: LocalDate;
  commands: PlannedCommand[];
}

export function planHistorySeed(input: HistoryPlanInput): HistoryPlan {
  const random = new Random(input.seed);
  const endDate = input.endDate;
  const startDate = addYears(endDate, -input.years);
  const organization = planOrganization(random.fork('organization'), UNIT_SIZES, startDate);
  const unitChanges = planUnitChanges(random.fork('unit changes'), organization, startDate, endDate);
  const members = planMembersWithTurnover(random.fork('members'), organization, input, startDate, endDate);
  const timelines = new PlanTimelines(organization, [...unitChanges, ...members]);
  const awards = planAwards(random.fork('awards'), organization, timelines, startDate, endDate);
  const pairings = planPairings(random.fork('pairings'), organization, timelines, members, startDate, endDate);
  const meetings = planMeetings(random.fork('meetings'), organization, new MemberPlaces(members), startDate, endDate);
  const elections = planElections(random.fork('elections'), organization, timelines, new OfficerPlaces(members), startDate, endDate);
  const groupScores = planGroupScores(random.fork('group scores'), organization, startDate, endDate);
  const appraisals = planAppraisals(random.fork('appraisals'), organization, new MemberPlaces(members), endDate);
  const dues = planDues(random.fork('dues'), organization, new MemberPlaces(members), endDate);
  const commands = [
    ...organization.establishments,
    ...unitChanges,
    ...members,
    ...awards,
    ...pairings,
    ...meetings,
    ...elections,
    ...groupScores,
    ...appraisals,
    ...dues,
  ];
  // As planSeed: by effective date; on one date units top down first; stable, so each aggregate keeps its order.
  const rank = (command: PlannedCommand): number => (command.kind === 'establishUnit' ? UNIT_LEVELS.indexOf(command.level) : UNIT_LEVELS.length);
  commands.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank(a) - rank(b)));
  return { startDate, endDate, commands };
}

/** Each member's life as the seed plans it (stages, transfers, group changes), cut short by a stay of limited length. */
function planMembersWithTurnover(random: Random, organization: Organization, input: HistoryPlanInput, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const { branches } = organization;
  let transferCount = 0;
  const world: LifeWorld = {
    ...transferWorldOf(organization),
    end,
    transferExpiryDays: input.transferExpiryDays,
    transfers: noTransfers(),
    nextTransferKey: () => `t${transferCount++}`,
  };
  const pickBranch = weightedPicker(branches);
  const initialEntryEnd = minDate(addDays(start, INITIAL_ENTRY_DAYS), end);
  const laterFrom = minDate(addDays(initialEntryEnd, 1), end);
  const meanRestDays = Math.max(1, input.meanStayYears * 365.25 - SHORTEST_STAY_DAYS);
  const commands: PlannedCommand[] = [];

  for (let index = 0; index < input.members; index++) {
    const initial = index < input.initialMembers;
    const registeredOn = initial ? dateBetween(random, start, initialEntryEnd) : dateBetween(random, laterFrom, end);
    const branch = pickBranch(random);
    // The seed's own leaving is replaced by the stay below.
    const profile = { ...MEMBER_PROFILES[branch.profile], leaveChance: 0 };
    const person = newcomer(random, profile, registeredOn, initial);
    const group = branch.groups.length > 0 && random.chance(IN_GROUP_CHANCE) ? random.pick(branch.groups).key : null;
    const life = planMemberLife(
      random,
      { key: `m${index}`, name: personName(random, person.birthYear), branch, group, registeredOn, newcomer: person, profile, initial },
      world,
    );
    const stayDays = SHORTEST_STAY_DAYS + Math.round(-Math.log(1 - random.next()) * meanRestDays);
    const leftOn = addDays(registeredOn, stayDays);
    if (leftOn > end) {
      commands.push(...life.commands);
      continue;
    }
    const kept = life.commands.filter((command) => command.on < leftOn);
    const stage = kept.reduce<MemberStage>((reached, command) => (command.kind === 'advanceStage' ? command.to : reached), person.status);
    const reason = random.weighted(MEMBER_PROFILES[branch.profile].leaveReasons);
    const joined = MEMBER_STAGES.indexOf(stage) >= MEMBER_STAGES.indexOf('PROBATIONARY');
    const note = reason === 'WITHDREW' && !joined ? '本人撤回入党申请' : leaveNote(random, reason);
    commands.push(...kept, { kind: 'memberLeft', on: leftOn, member: `m${index}`, reason, note });
  }
  return commands;
}

/** Members on the books on `date` according to a plan's commands (registered by then, not left by then). */
export function membersOnBooks(commands: readonly PlannedCommand[], date: LocalDate): number {
  let count = 0;
  for (const command of commands) {
    if (command.on > date) break;
    if (command.kind === 'registerMember') count++;
    else if (command.kind === 'memberLeft') count--;
  }
  return count;
}
