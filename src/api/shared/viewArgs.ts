import { ArgsType, Field } from 'type-graphql';
import { DateScalar } from './dateScalar';
import { DateTimeScalar } from './dateTimeScalar';

/**
 * `knownAt` and `minPosition` of every root query: which records it answers from. The fields
 * keep the order introspection has always listed them in (a base class's fields come first).
 */
@ArgsType()
export class RecordsArgs {
  @Field(() => String, { nullable: true })
  minPosition?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Answer as the records stood at this recorded time, before later late entries and corrections; default: as they stand now.',
  })
  knownAt?: Date | null;
}

/** The view arguments of a root query that answers for a date: the records, and `asOf`. */
@ArgsType()
export class ViewArgs extends RecordsArgs {
  @Field(() => DateScalar, { nullable: true })
  asOf?: string | null;
}

/**
 * ViewArgs whose `minPosition` has a description in the schema (`unit`, `duesReport`,
 * `obligations`); the other root queries have none, and the published schema keeps both.
 */
@ArgsType()
export class DescribedViewArgs extends ViewArgs {
  @Field(() => String, { nullable: true, description: 'Answer only once the read models include this position.' })
  override minPosition?: string | null;
}
