import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { RetractEventInput } from './retraction.inputs';
import { toEvent } from '../eventLog/event.type';
import { RetractionPayload } from './retraction.payload';
import { mutationOptions } from '../shared/mutationOptions';
import { eventLoaders } from '../eventLog/eventLoaders';

@Resolver()
export class RetractionMutationResolver {
  @Mutation(() => RetractionPayload, {
    description:
      'Retracts a recorded event: the read models answer as if it had never been recorded (a retracted transfer puts the member back, a retracted payment reopens the period), while the log keeps both events, linked by `Event.retractedBy` / `Event.retracts`. Refused when later facts depend on it (retract those first), and for a retraction or an event already retracted.',
  })
  async retractEvent(@Arg('input', () => RetractEventInput) input: RetractEventInput, @Ctx() context: ApiContext): Promise<RetractionPayload> {
    const result = await context.app.retractions.retract({ eventId: input.eventId, reason: input.reason }, mutationOptions(input, context));
    const retracted = await eventLoaders(context.live).byId.load(result.subjectId);
    return { ...writeResultOf(result), retracted: retracted ? toEvent(retracted, context.live) : null };
  }
}
