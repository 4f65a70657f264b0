import { ArgsType, Field, Int } from 'type-graphql';

/** `first`/`after` of every connection (API.md: first defaults to 50, at most 500). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items; default 50, at most 500.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page: read the items after it.' })
  after?: string;
}
