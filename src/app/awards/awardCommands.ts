import { randomUUID } from 'node:crypto';
import type { AwardTitle } from '../../domain/awards/awardTitle';
import { awardDecider } from '../../domain/awards/award.decide';
import { awardStream } from '../../domain/awards/award.events';
import type { AwardRecipients } from './awardRecipients';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { UnitFacts } from '../units/unitFacts';

export interface GrantAwardInput {
  recipientId: string;
  title: AwardTitle;
  otherTitle?: string | null;
  grantedById: string;
  citation?: string | null;
}

/** Commands on awards: grant and revoke. Each returns the award's id as subject. */
export class AwardCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly units: UnitFacts,
    private readonly recipients: AwardRecipients,
  ) {}

  grant(input: GrantAwardInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('grantAward', input, options, async ({ handler, effectiveDate, today, command }) => {
      const awardId = randomUUID();
      const result = await handler.handle(
        awardStream(awardId),
        awardDecider,
        async () => {
          const { recipient, ancestorIds } = await this.recipients.onDate(input.recipientId, effectiveDate);
          return {
            type: 'GrantAward' as const,
            awardId,
            recipientId: input.recipientId,
            recipient,
            recipientAncestorIds: ancestorIds,
            title: input.title,
            otherTitle: input.otherTitle ?? null,
            grantedById: input.grantedById,
            grantedBy: await this.units.onDate(input.grantedById, effectiveDate),
            citation: input.citation ?? null,
            effectiveDate,
            today,
          };
        },
        { ...command, createsStream: true },
      );
      return { ...result, subjectId: awardId };
    });
  }

  revoke(input: { awardId: string; reason: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('revokeAward', input, options, async ({ handler, effectiveDate, today, command }) => {
      const result = await handler.handle(
        awardStream(input.awardId),
        awardDecider,
        () => ({ type: 'RevokeAward' as const, awardId: input.awardId, reason: input.reason, effectiveDate, today }),
        command,
      );
      return { ...result, subjectId: input.awardId };
    });
  }
}
