import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from './dateScalar';

/** The fields every mutation input has (API.md "Mutations"). */
@InputType()
export abstract class MutationInput {
  @Field(() => DateScalar, { nullable: true, description: 'When the fact took effect; default today. May be in the past (a late entry), never in the future.' })
  effectiveDate?: string;

  @Field(() => String, { nullable: true, description: 'The same key twice records once and returns the first result; with another input it is refused.' })
  idempotencyKey?: string;

  @Field(() => Int, { nullable: true, description: 'Optimistic check: the version you last read; a write in between makes this fail with CONFLICT.' })
  expectedVersion?: number;
}
