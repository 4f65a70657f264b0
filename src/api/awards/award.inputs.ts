import { Field, ID, InputType } from 'type-graphql';
import type { AwardTitle } from '../../domain/awards/awardTitle';
import { AwardTitleEnum } from './award.enums';
import { MutationInput } from '../shared/mutationInput';

@InputType()
export class GrantAwardInput extends MutationInput {
  @Field(() => ID, { description: 'A member or a unit, active on the effective date.' })
  recipientId!: string;

  @Field(() => AwardTitleEnum, { description: 'Member titles go to members, unit titles to units of the right level.' })
  title!: AwardTitle;

  @Field(() => String, { nullable: true, description: 'Required when title is OTHER (the name of the title); must be empty otherwise.' })
  otherTitle?: string | null;

  @Field(() => ID, { description: "The granting unit, active on the effective date: the member's branch or a unit above it; for a unit, a unit above it." })
  grantedById!: string;

  @Field(() => String, { nullable: true, description: 'Why the award is given (up to 2,000 characters).' })
  citation?: string | null;
}

@InputType()
export class RevokeAwardInput extends MutationInput {
  @Field(() => ID)
  awardId!: string;

  @Field(() => String, { description: 'Why the award is revoked; required.' })
  reason!: string;
}
