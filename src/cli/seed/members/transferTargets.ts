import type { MemberStage } from '../../../domain/members/memberStatus';
import type { LocalDate } from '../../../domain/shared/localDate';
import { RETIREMENT_REASON, transferReason } from './memberTexts';
import { yearOf } from '../planDates';
import type { PlannedBranch } from '../units/planOrganization';
import type { Random } from '../random';
import type { UnitKey } from '../seedPlan';

/** The branches a transfer can go to. */
export interface TransferWorld {
  branches: readonly PlannedBranch[];
  /** Each committee's branches, retiree branches apart. */
  ordinaryBranchesOf: ReadonlyMap<UnitKey, readonly PlannedBranch[]>;
  retireeBranches: readonly PlannedBranch[];
  retireeBranchOf: ReadonlyMap<UnitKey, PlannedBranch>;
}

const RETIREMENT_AGE = 58;
const SAME_COMMITTEE_CHANCE = 0.5;

/**
 * Where a member's transfer goes: members near retirement age to their committee's retiree
 * branch, retirees to another retiree branch, everyone else to another branch, half of the time
 * within the same committee. Null when there is nowhere to go.
 */
export function chooseTransferTarget(
  random: Random,
  world: TransferWorld,
  member: { branch: PlannedBranch; stage: MemberStage; birthYear: number; on: LocalDate },
): { branch: PlannedBranch; reason: string } | null {
  const { branch } = member;
  const others = (candidates: readonly PlannedBranch[]): PlannedBranch[] => candidates.filter((candidate) => candidate.key !== branch.key);
  if (branch.profile === 'retiree') {
    const choices = others(world.retireeBranches);
    return choices.length === 0 ? null : { branch: random.pick(choices), reason: transferReason(random, 'retiree') };
  }
  const retiree = world.retireeBranchOf.get(branch.committee);
  if (retiree && member.stage === 'FULL' && yearOf(member.on) - member.birthYear >= RETIREMENT_AGE && random.chance(0.7)) {
    return { branch: retiree, reason: RETIREMENT_REASON };
  }
  const nearby = others(world.ordinaryBranchesOf.get(branch.committee) ?? []);
  if (nearby.length > 0 && random.chance(SAME_COMMITTEE_CHANCE)) {
    return { branch: random.pick(nearby), reason: transferReason(random, branch.profile) };
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = random.pick(world.branches);
    if (candidate.key !== branch.key && candidate.profile !== 'retiree') return { branch: candidate, reason: transferReason(random, branch.profile) };
  }
  return null;
}
