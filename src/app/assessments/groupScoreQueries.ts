import { spanOf } from '../../domain/assessments/quarter';
import type { ReadStore } from '../../readstore/readStore';
import { GROUP_SCORES, type GroupScoreDocument, type UnitVersionDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';
import type { UnitQueries } from '../units/unitQueries';

/** A group's standing score for a quarter, with the scores it superseded (newest first). */
export interface StandingScore {
  score: GroupScoreDocument;
  superseded: GroupScoreDocument[];
}

export interface RankedScore extends StandingScore {
  group: UnitVersionDocument;
  /** 1 for the highest total; equal totals share a rank (1, 1, 3). */
  rank: number;
  redFlagCandidate: boolean;
}

/** Share of the ranked groups (rounded up, at least one) that are red-flag candidates. */
export const RED_FLAG_SHARE = 0.2;
/** A red-flag candidate also needs at least this total, in hundredths (8.00 of 10). */
export const RED_FLAG_MIN_TOTAL = 800;

/** Reads of the `groupScores` read model. */
export class GroupScoreQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly units: UnitQueries,
  ) {}

  private get scores() {
    return this.store.collection<GroupScoreDocument>(GROUP_SCORES);
  }

  async byIds(scoreIds: readonly string[]): Promise<Map<string, GroupScoreDocument>> {
    const found = await this.scores.find({ _id: { $in: [...scoreIds] } });
    return new Map(found.map((score) => [score._id, score]));
  }

  /** Each group's standing score per quarter as recorded by `asOf`, oldest quarter first. */
  async ofGroups(groupIds: readonly string[], asOf: string, quarter?: string): Promise<Map<string, StandingScore[]>> {
    const filter = { groupId: { $in: [...groupIds] }, scoredOn: { $lte: asOf }, ...(quarter === undefined ? {} : { quarter }) };
    const found = await this.scores.find(filter, { sort: { quarter: 1, scoredOn: 1, position: 1 } });
    const result = new Map<string, StandingScore[]>();
    for (const [groupId, docs] of groupBy(found, (score) => score.groupId)) {
      result.set(groupId, [...groupBy(docs, (score) => score.quarter).values()].map(standing));
    }
    return result;
  }

  /**
   * The groups in `unitId`'s subtree (or the unit itself, if a group) as the tree stood on the
   * quarter's last day (or `asOf`, if earlier), ranked by their standing total for the quarter.
   * Groups without a score for the quarter are not ranked.
   */
  async ranking(unitId: string, quarter: string, asOf: string): Promise<RankedScore[]> {
    const { end } = spanOf(quarter);
    const treeDate = end < asOf ? end : asOf;
    const self = (await this.units.versionsOn([unitId], treeDate)).get(unitId);
    const below = await this.units.descendantsOn([unitId], 'GROUP', treeDate);
    const groups = [...(self?.level === 'GROUP' ? [self] : []), ...below];
    const standingOf = await this.ofGroups(
      groups.map((group) => group.unitId),
      asOf,
      quarter,
    );
    const scored = groups
      .flatMap((group) => (standingOf.get(group.unitId) ?? []).map((score) => ({ group, ...score })))
      .sort((a, b) => b.score.total - a.score.total || a.group.name.localeCompare(b.group.name) || a.group.unitId.localeCompare(b.group.unitId));
    const candidates = Math.max(1, Math.ceil(scored.length * RED_FLAG_SHARE));
    let rank = 0;
    return scored.map((entry, index) => {
      if (index === 0 || scored[index - 1].score.total !== entry.score.total) rank = index + 1;
      return { ...entry, rank, redFlagCandidate: rank <= candidates && entry.score.total >= RED_FLAG_MIN_TOTAL };
    });
  }
}

/** Scores of one group and quarter in recorded order: the last one stands, the earlier were superseded. */
function standing(docs: readonly GroupScoreDocument[]): StandingScore {
  return { score: docs[docs.length - 1], superseded: docs.slice(0, -1).reverse() };
}
