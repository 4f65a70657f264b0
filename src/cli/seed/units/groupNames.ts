import { chineseNumber } from '../chineseNumber';
import type { GroupStyle } from './committeeKinds';
import type { Random } from '../random';

/** Names of a branch's groups (党小组): shift crews, numbered groups, or teams with a chosen name. */

const SHIFTS = [...'甲乙丙丁戊己'].map((stem) => `${stem}值横班党小组`);
export const TEAM_NAMES = ['红一组', '红二组', '红三组', '先锋组', '雷锋组', '攻坚组', '青年突击组', '示范岗组', '铁军组', '红旗组'];

const numbered = (n: number): string => `第${chineseNumber(n)}党小组`;

/** `count` distinct group names for one branch. */
export function groupNames(random: Random, style: GroupStyle, count: number): string[] {
  const preferred = style === 'shift' ? SHIFTS : style === 'team' ? random.shuffle(TEAM_NAMES) : [];
  return Array.from({ length: count }, (_, index) => preferred[index] ?? numbered(index + 1));
}

/** A team name for a group renamed after the team it became, not used yet in its branch. */
export function teamNameFor(random: Random, taken: ReadonlySet<string>): string | undefined {
  const free = TEAM_NAMES.filter((name) => !taken.has(name));
  return free.length === 0 ? undefined : random.pick(free);
}
