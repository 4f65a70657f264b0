import { Field, ID, Int, ObjectType } from 'type-graphql';
import { formatHundredths, SCORE_CATEGORIES, type CategoryScores, type ScoreCategory } from '../../domain/assessments/scoreCategories';
import type { StandingScore } from '../../app/assessments/groupScoreQueries';
import type { GroupScoreDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';

@ObjectType({ description: 'Points per category of a group score (积分管理), as decimals with two places; the maxima add up to 10.' })
export class GroupScoreCategories {
  @Field({ description: 'Member education (党员教育), 0 to 1.50.' })
  memberEducation!: string;

  @Field({ description: 'Member management (党员管理), 0 to 1.50.' })
  memberManagement!: string;

  @Field({ description: 'Member development (党员发展), 0 to 1.00.' })
  memberDevelopment!: string;

  @Field({ description: 'Serving the centre (服务中心), 0 to 3.00.' })
  servingTheCentre!: string;

  @Field({ description: 'Contact with the public (联系群众), 0 to 1.50.' })
  contactWithPublic!: string;

  @Field({ description: 'Distinctive work (特色工作), 0 to 1.50.' })
  distinctiveWork!: string;
}

@ObjectType({ description: "A group's score for one quarter, as it stood on the `asOf` date of the query." })
export class GroupScore {
  asOf!: string;
  view!: ReadView;

  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field({ description: 'The quarter scored, `YYYY-Qn`.' })
  quarter!: string;

  @Field(() => GroupScoreCategories)
  scores!: GroupScoreCategories;

  @Field({ description: 'Sum of the categories, a decimal with two places, at most "10.00".' })
  total!: string;

  @Field(() => DateScalar, { description: 'Effective date of the score.' })
  scoredOn!: string;

  @Field(() => ID, { nullable: true, description: 'The earlier score of the same quarter this one replaced; null for the first.' })
  supersedes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The later score that replaced this one, if recorded by the asOf date; null while it stands.' })
  supersededBy!: string | null;

  @Field(() => [GroupScore], {
    description: 'Earlier scores of the same quarter that this one replaced, newest first (empty on those earlier scores themselves).',
  })
  superseded!: GroupScore[];

  @Field(() => Int, { nullable: true, description: 'In `groupRanking`: 1 for the highest total, equal totals share a rank. Null elsewhere.' })
  rank!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'In `groupRanking`: a red-flag group (红旗党小组) candidate, i.e. ranked in the top 20% (rounded up, at least one) with a total of at least 8.00. Null elsewhere.',
  })
  redFlagCandidate!: boolean | null;
}

export function toScoreCategories(scores: CategoryScores): GroupScoreCategories {
  const typed = {} as Record<ScoreCategory, string>;
  for (const category of SCORE_CATEGORIES) typed[category] = formatHundredths(scores[category]);
  return typed;
}

/** One recorded score as of `asOf` (a successor recorded after `asOf` had not happened yet). */
export function toGroupScore(document: GroupScoreDocument, asOf: string, view: ReadView, superseded: readonly GroupScoreDocument[] = []): GroupScore {
  const replaced = document.supersededOn !== null && document.supersededOn <= asOf;
  return {
    asOf,
    view,
    id: document._id,
    groupId: document.groupId,
    quarter: document.quarter,
    scores: toScoreCategories(document.scores),
    total: formatHundredths(document.total),
    scoredOn: document.scoredOn,
    supersedes: document.supersedes,
    supersededBy: replaced ? document.supersededBy : null,
    superseded: superseded.map((earlier) => toGroupScore(earlier, asOf, view)),
    rank: null,
    redFlagCandidate: null,
  };
}

export function toStandingScore({ score, superseded }: StandingScore, asOf: string, view: ReadView): GroupScore {
  return toGroupScore(score, asOf, view, superseded);
}
