import type { RetractionState } from '../../domain/corrections/retraction';
import type { RetractEvent } from '../../domain/corrections/retraction.commands';
import { NotFound } from '../../domain/shared/errors';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { RetractionReadFacts } from './retractionReadFacts';

export interface RetractEventInput {
  eventId: string;
  reason: string;
}

/**
 * Retracts a recorded event: appends `EventRetracted` to the event's own stream. It takes effect
 * from the retracted event's effective date (the default), and `expectedVersion` is that
 * stream's version. The subject of the result is the retracted event's id.
 */
export class RetractionCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly retractions: CommandPath<RetractEvent, RetractionState>,
    private readonly retractionReadFacts: RetractionReadFacts,
  ) {}

  async retract(input: RetractEventInput, options: MutationOptions): Promise<RememberedResult> {
    const target = await this.retractionReadFacts.event(input.eventId);
    if (target === null) {
      throw new NotFound('RETRACTION.EVENT_NOT_FOUND', `input.eventId ${input.eventId} names no recorded event`, 'input.eventId');
    }
    const dated = { ...options, effectiveDate: options.effectiveDate ?? target.effectiveDate };
    return this.runner.run('retractEvent', input, dated, async ({ effectiveDate, commandOptions }) => {
      const namedElsewhere = await this.retractionReadFacts.namedElsewhere(target);
      const result = await this.retractions.handle(
        target.stream,
        { type: 'RetractEvent', eventId: input.eventId, reason: input.reason, effectiveDate, namedElsewhere },
        commandOptions,
      );
      return { ...result, subjectId: input.eventId };
    });
  }
}
