import { Field, ID, InputType } from 'type-graphql';
import { MutationInput } from '../shared/mutationInput';

@InputType({ description: 'Points per category as decimals with at most two places ("1.25"), each from 0 to its maximum.' })
export class GroupScoresInput {
  @Field({ description: 'Member education, 0 to 1.5.' })
  memberEducation!: string;

  @Field({ description: 'Member management, 0 to 1.5.' })
  memberManagement!: string;

  @Field({ description: 'Member development, 0 to 1.' })
  memberDevelopment!: string;

  @Field({ description: 'Serving the centre, 0 to 3.' })
  servingTheCentre!: string;

  @Field({ description: 'Contact with the public, 0 to 1.5.' })
  contactWithPublic!: string;

  @Field({ description: 'Distinctive work, 0 to 1.5.' })
  distinctiveWork!: string;
}

@InputType()
export class RecordGroupScoreInput extends MutationInput {
  @Field(() => ID, { description: 'A GROUP that was active during the quarter.' })
  groupId!: string;

  @Field({ description: 'The quarter scored, `YYYY-Qn` (e.g. "2024-Q3"), already begun; the effective date is not before its first day.' })
  quarter!: string;

  @Field(() => GroupScoresInput)
  scores!: GroupScoresInput;
}
