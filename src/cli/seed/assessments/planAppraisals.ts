import { APPRAISAL_GRADES, type AppraisalGrade } from '../../../domain/assessments/appraisalGrade';
import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import type { MemberPlaces } from '../members/memberPlaces';
import { minDate } from '../planDates';
import { pilotBranches } from '../meetings/pilotBranches';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** Years appraised, up to the last one whose January has passed by the end of the history. */
export const APPRAISED_YEARS = 2;
/** Share of appraisals revised later (a new appraisal that supersedes the first). */
const REVISE_CHANCE = 0.02;
const GRADE_WEIGHTS: readonly (readonly [AppraisalGrade, number])[] = [
  ['EXCELLENT', 18],
  ['QUALIFIED', 76],
  ['BASICALLY_QUALIFIED', 4.5],
  ['UNQUALIFIED', 1.5],
];

/**
 * The yearly democratic appraisal (DOMAIN.md item 8) of the pilot committees' members, recorded
 * by their branch in January, after the organizational life meeting, for the year before. A member
 * is appraised for a year when they were PROBATIONARY or FULL in one of those branches on the
 * first of some month of it or on its last day (the appraisal rules only ask for one day).
 */
export function planAppraisals(random: Random, organization: Organization, places: MemberPlaces, end: LocalDate): PlannedCommand[] {
  const pilots = pilotBranches(organization).map((branch) => branch.key);
  const commands: PlannedCommand[] = [];
  let next = 0;
  for (const year of yearsAppraisedBy(end)) {
    const branchOf = new Map<MemberKey, UnitKey>();
    for (const date of datesOf(year)) for (const place of places.partyMembersIn(pilots, date)) branchOf.set(place.member, place.branch);
    const recordedOn = new Map<UnitKey, LocalDate>();
    for (const [member, branch] of branchOf) {
      let on = recordedOn.get(branch);
      if (on === undefined) {
        on = minDate(`${year + 1}-01-${String(random.int(23, 31))}`, end);
        recordedOn.set(branch, on);
      }
      const grade = random.weighted(GRADE_WEIGHTS);
      commands.push({ kind: 'recordAppraisal', on, appraisal: `ap${next++}`, appraised: member, year, grade, reads: [member] });
      const revisedOn = addDays(on, random.int(10, 45));
      if (revisedOn <= end && random.chance(REVISE_CHANCE)) {
        const revised = random.pick(APPRAISAL_GRADES.filter((other) => other !== grade));
        commands.push({ kind: 'recordAppraisal', on: revisedOn, appraisal: `ap${next++}`, appraised: member, year, grade: revised, reads: [member] });
      }
    }
  }
  return commands;
}

/** The last APPRAISED_YEARS years whose appraisal month (the January after) ended by `end`, oldest first. */
export function yearsAppraisedBy(end: LocalDate): number[] {
  const last = end >= `${end.slice(0, 4)}-01-31` ? Number(end.slice(0, 4)) - 1 : Number(end.slice(0, 4)) - 2;
  return Array.from({ length: APPRAISED_YEARS }, (_, index) => last - APPRAISED_YEARS + 1 + index);
}

/** The first of each month of `year` and its last day. */
function datesOf(year: number): LocalDate[] {
  return [...Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}-01`), `${year}-12-31`];
}
