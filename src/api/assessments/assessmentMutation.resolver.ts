import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { RecordAppraisalInput } from './appraisal.inputs';
import { RecordGroupScoreInput } from './groupScore.inputs';
import { toStandingAppraisal } from './appraisal.type';
import { AppraisalPayload, GroupScorePayload } from './assessment.payload';
import { toStandingScore } from './groupScore.type';
import { mutationOptions } from '../shared/mutationOptions';
import { assessmentLoaders } from './assessmentLoaders';

@Resolver()
export class AssessmentMutationResolver {
  @Mutation(() => GroupScorePayload, {
    description:
      "Records a group's score for a quarter (积分管理). Scoring the same quarter again records a new score that supersedes the earlier one (see `supersedes`/`superseded`).",
  })
  async recordGroupScore(@Arg('input', () => RecordGroupScoreInput) input: RecordGroupScoreInput, @Ctx() context: ApiContext): Promise<GroupScorePayload> {
    const { groupId, quarter, scores } = input;
    const typed = scores === null || scores === undefined ? null : { ...scores };
    const result = await context.app.groupScores.record({ groupId, quarter, scores: typed }, mutationOptions(input, context));
    const date = input.effectiveDate ?? context.today;
    const standing = (await assessmentLoaders(context.live).scoresOf.load({ id: groupId, date })).find((entry) => entry.score._id === result.subjectId);
    return {
      ...writeResultOf(result),
      groupScore: standing ? toStandingScore(standing, date, context.live) : null,
    };
  }

  @Mutation(() => AppraisalPayload, {
    description:
      "Records a member's democratic appraisal (民主评议) for a year. A second appraisal of the same year supersedes the first (see `supersedes`/`superseded`).",
  })
  async recordAppraisal(@Arg('input', () => RecordAppraisalInput) input: RecordAppraisalInput, @Ctx() context: ApiContext): Promise<AppraisalPayload> {
    const { memberId, year, grade } = input;
    const result = await context.app.appraisals.record({ memberId, year, grade }, mutationOptions(input, context));
    const date = input.effectiveDate ?? context.today;
    const standing = (await assessmentLoaders(context.live).appraisalsOf.load({ id: memberId, date })).find(
      (entry) => entry.appraisal._id === result.subjectId,
    );
    return {
      ...writeResultOf(result),
      appraisal: standing ? toStandingAppraisal(standing, date, context.live) : null,
    };
  }
}
