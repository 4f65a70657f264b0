import type { LocalDate } from '../../../domain/shared/localDate';
import { COMMITTEE_KINDS, profileOf, type BranchProfile, type CommitteeKind, type GroupStyle } from './committeeKinds';
import { groupNames } from './groupNames';
import type { Random } from '../random';
import type { PlannedCommand, PlanSizes, UnitKey } from '../seedPlan';
import { randomWeights, spread } from '../spread';

export const DISTRICT_NAME = '城关区直机关工委';

export interface PlannedCommittee {
  key: UnitKey;
  name: string;
  kind: CommitteeKind['id'];
  /** Its retiree branch (离退休党支部), where members who retire are transferred. */
  retireeBranch: UnitKey | null;
}

export interface PlannedGroup {
  key: UnitKey;
  name: string;
}

export interface PlannedBranch {
  key: UnitKey;
  name: string;
  /** The committee it was established under. */
  committee: UnitKey;
  profile: BranchProfile;
  groups: readonly PlannedGroup[];
  /** Relative share of the members it gets. */
  weight: number;
}

/** The organization as established on the first day of the history. */
export interface Organization {
  district: UnitKey;
  committees: readonly PlannedCommittee[];
  branches: readonly PlannedBranch[];
  establishments: readonly PlannedCommand[];
}

const MEMBER_WEIGHT: Record<BranchProfile, readonly [number, number]> = {
  working: [0.4, 1.8],
  retiree: [0.8, 1.6],
  student: [0.3, 0.8],
  village: [0.6, 1.4],
};

/** One district, its committees, their branches and the branches' groups, all established on `on`. */
export function planOrganization(random: Random, sizes: Pick<PlanSizes, 'committees' | 'branches' | 'groups'>, on: LocalDate): Organization {
  let next = 0;
  const newKey = (): UnitKey => `u${next++}`;
  const establishments: PlannedCommand[] = [];
  const district = newKey();
  establishments.push({ kind: 'establishUnit', on, unit: district, level: 'DISTRICT', name: DISTRICT_NAME, code: 'CGQ', parent: null });

  const kinds = chooseCommitteeKinds(random, sizes.committees);
  const branchCounts = spread(random, sizes.branches, randomWeights(random, kinds.length), 2);
  const committees: PlannedCommittee[] = [];
  const drafts: (Omit<PlannedBranch, 'groups'> & { code: string; style: GroupStyle })[] = [];

  kinds.forEach(({ kind, name }, index) => {
    const key = newKey();
    const code = `CGQ-${String(index + 1).padStart(2, '0')}`;
    establishments.push({ kind: 'establishUnit', on, unit: key, level: 'COMMITTEE', name, code, parent: district });
    const names = branchNamesOf(random, kind, branchCounts[index]);
    let retireeBranch: UnitKey | null = null;
    names.forEach((branchName, number) => {
      const branchKey = newKey();
      const profile = profileOf(branchName);
      if (profile === 'retiree') retireeBranch = branchKey;
      const [low, high] = MEMBER_WEIGHT[profile];
      drafts.push({
        key: branchKey,
        name: branchName,
        committee: key,
        profile,
        weight: low + random.next() * (high - low),
        code: `${code}-${String(number + 1).padStart(3, '0')}`,
        style: random.pick(kind.groupStyles),
      });
    });
    committees.push({ key, name, kind: kind.id, retireeBranch });
  });

  const groupCounts = spread(
    random,
    sizes.groups,
    drafts.map((draft) => draft.weight),
  );
  const branches = drafts.map(({ code, style, ...branch }, index): PlannedBranch => {
    establishments.push({ kind: 'establishUnit', on, unit: branch.key, level: 'BRANCH', name: branch.name, code, parent: branch.committee });
    const groups = groupNames(random, style, groupCounts[index]).map((name) => ({ key: newKey(), name }));
    for (const group of groups) {
      establishments.push({ kind: 'establishUnit', on, unit: group.key, level: 'GROUP', name: group.name, code: null, parent: branch.key });
    }
    return { ...branch, groups };
  });
  return { district, committees, branches, establishments };
}

/** One committee of each kind first (when there is room), then the rest of the catalog in random order. */
function chooseCommitteeKinds(random: Random, count: number): { kind: CommitteeKind; name: string }[] {
  const firsts = random.shuffle(COMMITTEE_KINDS).map((kind) => ({ kind, name: random.pick(kind.committees) }));
  const rest = random.shuffle(
    COMMITTEE_KINDS.flatMap((kind) => kind.committees.map((name) => ({ kind, name }))).filter(({ name }) => !firsts.some((first) => first.name === name)),
  );
  const chosen = [...firsts, ...rest].slice(0, count);
  for (let extra = chosen.length; extra < count; extra++) {
    chosen.push({ kind: COMMITTEE_KINDS[0], name: `城关区第${extra + 1}联合机关党委` });
  }
  return chosen;
}

/** `count` distinct branch names for a committee; a retiree branch among them once it has three or more. */
function branchNamesOf(random: Random, kind: CommitteeKind, count: number): string[] {
  const names = new Set<string>();
  if (count >= 3) names.add(kind.retireeBranch);
  for (let n = 0; names.size < count; n++) {
    let name: string | undefined;
    for (let attempt = 0; attempt < 8 && name === undefined; attempt++) {
      const candidate = kind.branchName(random, n);
      if (!names.has(candidate)) name = candidate;
    }
    names.add(name ?? `第${n + 1}联合党支部`);
  }
  return [...names];
}
