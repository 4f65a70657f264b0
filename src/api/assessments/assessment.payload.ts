import { Field, Int, ObjectType } from 'type-graphql';
import { WriteResult } from '../shared/writeResult';
import { Appraisal } from './appraisal.type';
import { GroupScore } from './groupScore.type';

@ObjectType({ description: 'What recordGroupScore recorded, and the new score.' })
export class GroupScorePayload extends WriteResult {
  @Field(() => GroupScore, { nullable: true })
  groupScore!: GroupScore | null;

  @Field(() => Int, { description: "The version of the group's scores after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}

@ObjectType({ description: 'What recordAppraisal recorded, and the new appraisal.' })
export class AppraisalPayload extends WriteResult {
  @Field(() => Appraisal, { nullable: true })
  appraisal!: Appraisal | null;

  @Field(() => Int, { description: "The version of the member's appraisals after the write: pass it as `expectedVersion` for an optimistic check." })
  override version!: number;
}
