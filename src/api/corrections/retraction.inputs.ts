import { Field, ID, InputType } from 'type-graphql';
import { MutationInput } from '../shared/mutationInput';

@InputType({
  description:
    "Withdraws a recorded fact. `effectiveDate` defaults to the retracted event's own effective date (any other date is refused); `expectedVersion` is the version of that event's stream.",
})
export class RetractEventInput extends MutationInput {
  @Field(() => ID, { description: 'The id of the event to retract (`Event.id`).' })
  eventId!: string;

  @Field({ description: 'Why the record was wrong; kept in the log with the retraction.' })
  reason!: string;
}
