import { addYears } from '../../domain/shared/localDate';
import { UNIT_LEVELS, type UnitLevel } from '../../domain/units/unitLevel';
import { PlanTimelines } from './awards/awardTimelines';
import { planAppraisals } from './assessments/planAppraisals';
import { planAwards } from './awards/planAwards';
import { planDues } from './dues/planDues';
import { MemberPlaces } from './members/memberPlaces';
import { planMeetings } from './meetings/planMeetings';
import { OfficerPlaces } from './leadership/officerPlaces';
import { planElections } from './leadership/planElections';
import { planGroupScores } from './assessments/planGroupScores';
import { planMembers } from './members/planMembers';
import { planOrganization } from './units/planOrganization';
import { planPairings } from './pairings/planPairings';
import { planUnitChanges } from './units/planUnitChanges';
import { Random } from './random';
import type { PlanInput, PlannedCommand, SeedPlan } from './seedPlan';

/**
 * The whole seed as a plan: pure, so the same input always gives the same plan. The history
 * runs from `years` before `endDate` to `endDate`; the organization is established on its first day.
 */
export function planSeed(input: PlanInput): SeedPlan {
  const random = new Random(input.seed);
  const endDate = input.endDate;
  const startDate = addYears(endDate, -input.years);
  const organization = planOrganization(random.fork('organization'), input, startDate);
  const unitChanges = planUnitChanges(random.fork('unit changes'), organization, startDate, endDate);
  const members = planMembers(random.fork('members'), organization, {
    members: input.members,
    start: startDate,
    end: endDate,
    transferExpiryDays: input.transferExpiryDays,
  });
  const timelines = new PlanTimelines(organization, [...unitChanges, ...members.commands]);
  const awards = planAwards(random.fork('awards'), organization, timelines, startDate, endDate);
  const pairings = planPairings(random.fork('pairings'), organization, timelines, members.commands, startDate, endDate);
  const places = new MemberPlaces(members.commands);
  const meetings = planMeetings(random.fork('meetings'), organization, places, startDate, endDate);
  const elections = planElections(random.fork('elections'), organization, timelines, new OfficerPlaces(members.commands), startDate, endDate);
  const groupScores = planGroupScores(random.fork('group scores'), organization, startDate, endDate);
  const appraisals = planAppraisals(random.fork('appraisals'), organization, places, endDate);
  const dues = planDues(random.fork('dues'), organization, places, endDate);
  return {
    startDate,
    endDate,
    commands: inRunOrder([
      ...organization.establishments,
      ...unitChanges,
      ...members.commands,
      ...awards,
      ...pairings,
      ...meetings,
      ...elections,
      ...groupScores,
      ...appraisals,
      ...dues,
    ]),
    units: countLevels(organization.establishments),
    members: members.outcomes,
    transfers: members.transfers,
  };
}

/**
 * By effective date; on one date, units top down before anything that refers to them. The sort
 * is stable, so each aggregate keeps the order its commands were planned in.
 */
function inRunOrder(commands: PlannedCommand[]): PlannedCommand[] {
  const rank = (command: PlannedCommand): number => (command.kind === 'establishUnit' ? UNIT_LEVELS.indexOf(command.level) : UNIT_LEVELS.length);
  return commands.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank(a) - rank(b)));
}

function countLevels(establishments: readonly PlannedCommand[]): Record<UnitLevel, number> {
  const counts: Record<UnitLevel, number> = { DISTRICT: 0, COMMITTEE: 0, BRANCH: 0, GROUP: 0 };
  for (const command of establishments) if (command.kind === 'establishUnit') counts[command.level]++;
  return counts;
}
