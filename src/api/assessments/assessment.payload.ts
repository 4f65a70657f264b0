import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Appraisal } from './appraisal.type';
import { GroupScore } from './groupScore.type';

@ObjectType({ description: 'What recordGroupScore recorded, and the new score.' })
export class GroupScorePayload {
  @Field(() => GroupScore, { nullable: true })
  groupScore!: GroupScore | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the group's scores after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}

@ObjectType({ description: 'What recordAppraisal recorded, and the new appraisal.' })
export class AppraisalPayload {
  @Field(() => Appraisal, { nullable: true })
  appraisal!: Appraisal | null;

  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The version of the member's appraisals after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}
