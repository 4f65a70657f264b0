import { spanOf, type Quarter } from '../../../domain/assessments/quarter';
import {
  formatHundredths,
  SCORE_CATEGORIES,
  SCORE_CATEGORY_MAXIMA,
  type CategoryScores,
  type ScoreCategory,
  type TypedScores,
} from '../../../domain/assessments/scoreCategories';
import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import { minDate } from '../planDates';
import { pilotBranches } from '../meetings/pilotBranches';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { PlannedCommand } from '../seedPlan';

/** Quarters scored, up to the last one ended by the end of the history: two years. */
export const SCORED_QUARTERS = 8;
/** Share of quarter scores corrected later (a new score that supersedes the first). */
const RESCORE_CHANCE = 0.03;
/** Scores are kept in steps of 0.05, as the branch committees write them. */
const STEP = 5;

/**
 * Quarterly scores (DOMAIN.md item 7) of every group of the pilot committees over the last
 * SCORED_QUARTERS quarters, recorded by the branch a few days after the quarter ends. Each group
 * has its own level (most total 6.5 to 9.5, a few weak or strong ones) that varies by quarter.
 */
export function planGroupScores(random: Random, organization: Organization, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const branches = pilotBranches(organization);
  const level = new Map(branches.flatMap((branch) => branch.groups.map((group) => [group.key, groupLevel(random)] as const)));
  const commands: PlannedCommand[] = [];
  let next = 0;
  for (const quarter of quartersEndedBy(end, SCORED_QUARTERS)) {
    const span = spanOf(quarter);
    // Only quarters the whole of which the history covers: the groups are established on its first day.
    if (span.start < start) continue;
    for (const branch of branches) {
      // The end of the history is a month end, never before the end of a quarter it lists.
      const on = minDate(addDays(span.end, random.int(3, 15)), end);
      for (const group of branch.groups) {
        const quarterLevel = level.get(group.key)! + (random.next() - 0.5) * 0.08;
        const scores = {} as CategoryScores;
        for (const category of SCORE_CATEGORIES) scores[category] = hundredths(category, quarterLevel + (random.next() - 0.5) * 0.16);
        commands.push({ kind: 'recordGroupScore', on, score: `gs${next++}`, group: group.key, quarter, scores: typed(scores) });
        const correctedOn = addDays(on, random.int(7, 30));
        if (correctedOn <= end && random.chance(RESCORE_CHANCE)) {
          const corrected = { ...scores };
          const category = random.pick(SCORE_CATEGORIES);
          corrected[category] = clamp(corrected[category] + random.pick([-20, -10, 10, 20]), 0, SCORE_CATEGORY_MAXIMA[category]);
          commands.push({ kind: 'recordGroupScore', on: correctedOn, score: `gs${next++}`, group: group.key, quarter, scores: typed(corrected) });
        }
      }
    }
  }
  return commands;
}

/** A group's usual share of the maximum: most are solid, a few weak, a few strong. */
function groupLevel(random: Random): number {
  const band = random.weighted<readonly [number, number]>([
    [[0.7, 0.9], 85],
    [[0.9, 0.96], 10],
    [[0.55, 0.68], 5],
  ]);
  return band[0] + random.next() * (band[1] - band[0]);
}

function hundredths(category: ScoreCategory, share: number): number {
  const max = SCORE_CATEGORY_MAXIMA[category];
  return clamp(Math.round((max * clamp(share, 0.2, 1)) / STEP) * STEP, 0, max);
}

function typed(scores: CategoryScores): TypedScores {
  const typedScores = {} as TypedScores;
  for (const category of SCORE_CATEGORIES) typedScores[category] = formatHundredths(scores[category]);
  return typedScores;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The last `count` quarters that ended on or before `end`, oldest first. */
export function quartersEndedBy(end: LocalDate, count: number): Quarter[] {
  let year = Number(end.slice(0, 4));
  let quarter = Math.floor((Number(end.slice(5, 7)) - 1) / 3) + 1;
  const quarters: Quarter[] = [];
  while (quarters.length < count) {
    const candidate = `${year}-Q${quarter}`;
    if (spanOf(candidate).end <= end) quarters.unshift(candidate);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}
