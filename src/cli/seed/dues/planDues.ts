import type { DuesCategory } from '../../../domain/dues/duesCategory';
import { DEFAULT_DUES_POLICY, monthlyDue } from '../../../domain/dues/duesPolicy';
import { formatMinor } from '../../../domain/dues/money';
import { firstDayOf, periodOf, type Period } from '../../../domain/dues/period';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberPlaces } from '../members/memberPlaces';
import { minDate } from '../planDates';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PlannedCommand } from '../seedPlan';

/** Months of dues recorded, up to the one `end` falls in. */
export const DUES_MONTHS = 12;
/**
 * One committee in this many (the first ones, at least one) has its members' dues recorded:
 * enough for reports, small enough for a fast seed; a larger organization records more of them.
 */
export const DUES_COMMITTEE_SHARE = 21;
const CATEGORY_WEIGHTS: readonly (readonly [DuesCategory, number])[] = [
  ['EMPLOYED', 70],
  ['RETIRED', 20],
  ['STUDENT', 4],
  ['UNEMPLOYED', 2],
  ['RURAL', 3],
  ['OTHER', 1],
];

/**
 * Dues (DOMAIN.md item 2) of the members of the first committee's branches over the last months:
 * a base when a member is first seen there, then a payment each month, mostly in full, now and then
 * partial or missing (arrears). Amounts follow the default policy: a seed run against a differently
 * configured policy may be refused where it asks less.
 */
export function planDues(random: Random, organization: Organization, places: MemberPlaces, end: LocalDate): PlannedCommand[] {
  const committees = new Set(
    organization.committees.slice(0, Math.max(1, Math.floor(organization.committees.length / DUES_COMMITTEE_SHARE))).map((committee) => committee.key),
  );
  const branches = organization.branches.filter((branch) => committees.has(branch.committee)).map((branch) => branch.key);
  const bases = new Map<MemberKey, { category: DuesCategory; monthlyIncomeMinor: number }>();
  const commands: PlannedCommand[] = [];
  for (const period of lastPeriods(end)) {
    const first = firstDayOf(period);
    for (const place of places.partyMembersIn(branches, first)) {
      let base = bases.get(place.member);
      if (base === undefined) {
        const category = random.weighted(CATEGORY_WEIGHTS);
        const monthlyIncomeMinor = category === 'EMPLOYED' ? random.int(2_500, 16_000) * 100 : category === 'RETIRED' ? random.int(2_000, 8_000) * 100 : 0;
        base = { category, monthlyIncomeMinor };
        bases.set(place.member, base);
        commands.push({
          kind: 'setDuesBase',
          on: first,
          duesOf: place.member,
          category,
          monthlyIncome: formatMinor(monthlyIncomeMinor),
          reads: [place.member],
        });
      }
      const due = monthlyDue(DEFAULT_DUES_POLICY, base, period);
      const roll = random.int(1, 100);
      if (due === 0 || roll <= 3) continue;
      const amountMinor = roll <= 6 ? Math.max(1, Math.floor(due / 2)) : due;
      const on = minDate(`${period}-${String(random.int(5, 25)).padStart(2, '0')}`, end);
      commands.push({ kind: 'recordDuesPayment', on, duesOf: place.member, period, amount: formatMinor(amountMinor), reads: [place.member] });
    }
  }
  return commands;
}

/** The last DUES_MONTHS periods whose first day is on or before `end`, oldest first. */
function lastPeriods(end: LocalDate): Period[] {
  const periods: Period[] = [];
  let year = Number(end.slice(0, 4));
  let month = Number(end.slice(5, 7));
  for (let index = 0; index < DUES_MONTHS; index++) {
    periods.unshift(periodOf(`${year}-${String(month).padStart(2, '0')}-01`));
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return periods;
}
