import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import { planMemberLife, type LifeWorld } from './memberLife';
import { MEMBER_PROFILES, newcomer } from './memberProfiles';
import { personName } from './personNames';
import { dateBetween, minDate } from '../planDates';
import type { Organization, PlannedBranch } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberOutcome, PlannedCommand, TransferCounts, UnitKey } from '../seedPlan';

/** Share of the members on the books at the start; the rest are registered over the years. */
const INITIAL_SHARE = 0.8;
/** The members on the books are entered during the first two months. */
const INITIAL_ENTRY_DAYS = 59;
const IN_GROUP_CHANCE = 0.92;

export interface MemberPlan {
  commands: PlannedCommand[];
  outcomes: MemberOutcome[];
  transfers: TransferCounts;
}

export function planMembers(
  random: Random,
  organization: Organization,
  options: { members: number; start: LocalDate; end: LocalDate; transferExpiryDays: number },
): MemberPlan {
  const { branches } = organization;
  const commands: PlannedCommand[] = [];
  const outcomes: MemberOutcome[] = [];
  if (branches.length === 0 || options.members === 0) return { commands, outcomes, transfers: noTransfers() };

  let transferCount = 0;
  const world: LifeWorld = {
    ...transferWorldOf(organization),
    end: options.end,
    transferExpiryDays: options.transferExpiryDays,
    transfers: noTransfers(),
    nextTransferKey: () => `t${transferCount++}`,
  };
  const pickBranch = weightedPicker(branches);
  const initialCount = Math.round(options.members * INITIAL_SHARE);
  const initialEntryEnd = minDate(addDays(options.start, INITIAL_ENTRY_DAYS), options.end);
  const laterFrom = minDate(addDays(initialEntryEnd, 1), options.end);

  for (let index = 0; index < options.members; index++) {
    const initial = index < initialCount;
    const registeredOn = initial ? dateBetween(random, options.start, initialEntryEnd) : dateBetween(random, laterFrom, options.end);
    const branch = pickBranch(random);
    const profile = MEMBER_PROFILES[branch.profile];
    const person = newcomer(random, profile, registeredOn, initial);
    const group = branch.groups.length > 0 && random.chance(IN_GROUP_CHANCE) ? random.pick(branch.groups).key : null;
    const life = planMemberLife(
      random,
      { key: `m${index}`, name: personName(random, person.birthYear), branch, group, registeredOn, newcomer: person, profile, initial },
      world,
    );
    commands.push(...life.commands);
    outcomes.push(life.outcome);
  }
  return { commands, outcomes, transfers: world.transfers };
}

/** Who can transfer where: the ordinary branches of each committee and its retiree branch. */
export function transferWorldOf(organization: Organization): Omit<LifeWorld, 'end' | 'transferExpiryDays' | 'transfers' | 'nextTransferKey'> {
  const { branches } = organization;
  const byKey = new Map(branches.map((branch) => [branch.key, branch]));
  const ordinaryBranchesOf = new Map<UnitKey, PlannedBranch[]>();
  for (const branch of branches) {
    if (branch.profile === 'retiree') continue;
    const list = ordinaryBranchesOf.get(branch.committee) ?? [];
    list.push(branch);
    ordinaryBranchesOf.set(branch.committee, list);
  }
  const retireeBranchOf = new Map<UnitKey, PlannedBranch>();
  for (const committee of organization.committees) {
    const retiree = committee.retireeBranch === null ? undefined : byKey.get(committee.retireeBranch);
    if (retiree) retireeBranchOf.set(committee.key, retiree);
  }
  return { branches, ordinaryBranchesOf, retireeBranches: branches.filter((branch) => branch.profile === 'retiree'), retireeBranchOf };
}

/** Picks branches in proportion to their weight (binary search over the running totals). */
export function weightedPicker(branches: readonly PlannedBranch[]): (random: Random) => PlannedBranch {
  const totals: number[] = [];
  let sum = 0;
  for (const branch of branches) totals.push((sum += branch.weight));
  return (random) => {
    const roll = random.next() * sum;
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (totals[middle] > roll) high = middle;
      else low = middle + 1;
    }
    return branches[low];
  };
}

export function noTransfers(): TransferCounts {
  return { requested: 0, accepted: 0, rejected: 0, expired: 0, open: 0, cancelled: 0 };
}
