import { retractionDecider } from '../../domain/corrections/retraction.decide';
import { NotFound } from '../../domain/shared/errors';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { RetractionFacts } from './retractionFacts';

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
    private readonly facts: RetractionFacts,
  ) {}

  async retract(input: RetractEventInput, options: MutationOptions): Promise<RememberedResult> {
    const target = await this.facts.event(input.eventId);
    if (target === null) {
      throw new NotFound('RETRACTION.EVENT_NOT_FOUND', `input.eventId ${input.eventId} names no recorded event`, 'input.eventId');
    }
    const dated = { ...options, effectiveDate: options.effectiveDate ?? target.effectiveDate };
    return this.runner.run('retractEvent', input, dated, async ({ handler, effectiveDate, command }) => {
      const namedElsewhere = await this.facts.namedElsewhere(target);
      const result = await handler.handle(
        target.stream,
        retractionDecider,
        () => ({ type: 'RetractEvent' as const, eventId: input.eventId, reason: input.reason, effectiveDate, namedElsewhere }),
        command,
      );
      return { ...result, subjectId: input.eventId };
    });
  }
}
