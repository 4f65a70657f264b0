import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import { teamNameFor } from './groupNames';
import type { Organization } from './planOrganization';
import { dateBetween } from '../planDates';
import type { Random } from '../random';
import type { PlannedCommand } from '../seedPlan';

/** Changes start a quarter after the founding, and a renamed unit waits half a year for its old name back. */
const SETTLING_DAYS = 90;
const RESTORE_AFTER_DAYS = 180;

/**
 * Restructuring over the years: general branches upgraded to committees, a committee and some
 * branches renamed and later given their old name back (名称复位), villages turned into
 * communities (村改居), groups renamed after their team, and a few branches moved to another
 * committee.
 */
export function planUnitChanges(random: Random, organization: Organization, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const from = addDays(start, SETTLING_DAYS);
  if (from > end) return [];
  const changes: PlannedCommand[] = [];
  const someDay = (): LocalDate => dateBetween(random, from, end);

  const renameWithRestore = (unit: string, name: string, temporary: string, restoreChance: number): void => {
    if (temporary === name) return;
    const on = someDay();
    changes.push({ kind: 'renameUnit', on, unit, name: temporary });
    const restoreFrom = addDays(on, RESTORE_AFTER_DAYS);
    if (restoreFrom <= end && random.chance(restoreChance)) {
      changes.push({ kind: 'renameUnit', on: dateBetween(random, restoreFrom, end), unit, name });
    }
  };

  const committees = random.shuffle(organization.committees);
  const generalBranches = committees.filter((committee) => committee.name.endsWith('党总支'));
  for (const committee of generalBranches.slice(0, Math.max(1, Math.round(committees.length * 0.1)))) {
    changes.push({ kind: 'renameUnit', on: someDay(), unit: committee.key, name: committee.name.replace(/党总支$/, '党委') });
  }
  const interim = committees.find((committee) => !committee.name.endsWith('党总支'));
  if (interim) renameWithRestore(interim.key, interim.name, interim.name.replace(/党委$/, '临时党委'), 1);

  const branches = random.shuffle(organization.branches.filter((branch) => branch.profile !== 'retiree'));
  const renamedBranches = branches.slice(0, Math.round(branches.length * 0.03));
  for (const branch of renamedBranches) {
    const temporary = branch.profile === 'village' ? branch.name.replace(/村党支部$/, '社区党支部') : branch.name.replace(/党支部$/, '联合党支部');
    renameWithRestore(branch.key, branch.name, temporary, branch.profile === 'village' ? 0 : 0.4);
  }

  const groupsWithBranch = random.shuffle(organization.branches.flatMap((branch) => branch.groups.map((group) => ({ group, branch }))));
  const namesInBranch = new Map<string, Set<string>>();
  for (const { group, branch } of groupsWithBranch.slice(0, Math.round(groupsWithBranch.length * 0.015))) {
    const taken = namesInBranch.get(branch.key) ?? new Set(branch.groups.map((sibling) => sibling.name));
    namesInBranch.set(branch.key, taken);
    const name = teamNameFor(random, taken);
    if (name === undefined) continue;
    taken.add(name);
    changes.push({ kind: 'renameUnit', on: someDay(), unit: group.key, name });
  }

  if (committees.length >= 2) {
    const moved = branches.slice(renamedBranches.length, renamedBranches.length + Math.max(1, Math.round(branches.length * 0.01)));
    for (const branch of moved) {
      const others = committees.filter((committee) => committee.key !== branch.committee);
      changes.push({ kind: 'moveUnit', on: someDay(), unit: branch.key, parent: random.pick(others).key });
    }
  }
  return changes;
}
