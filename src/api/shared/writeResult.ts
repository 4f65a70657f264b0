import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { CommandResult } from '../../app/commands/commandHandler';

/**
 * The fields every mutation payload has. A payload whose `version` (or `eventIds`) means
 * something more specific redeclares the field with its own description.
 */
@ObjectType()
export abstract class WriteResult {
  @Field(() => [ID], { description: "Ids of the events the mutation recorded; a retry with the same idempotencyKey returns the first call's." })
  eventIds!: string[];

  @Field({ description: 'Log position of the write: pass it as `minPosition` (or header x-min-position) to read your write.' })
  position!: string;

  @Field(() => Int, { description: "The aggregate's version after the write: pass it as `expectedVersion` for an optimistic check." })
  version!: number;
}

/** A payload's WriteResult fields from what the command recorded (or, on a retry, remembered). */
export function writeResultOf({ eventIds, position, version }: CommandResult): WriteResult {
  return { eventIds, position, version };
}
