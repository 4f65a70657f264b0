import { randomUUID } from 'node:crypto';
import type { AwardTitle } from '../../domain/awards/awardTitle';
import type { AwardState } from '../../domain/awards/award';
import type { AwardCommand } from '../../domain/awards/award.commands';
import type { AwardRecipientStreamFacts } from './awardRecipientStreamFacts';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

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
    private readonly awards: CommandPath<AwardCommand, AwardState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly recipientStreamFacts: AwardRecipientStreamFacts,
  ) {}

  grant(input: GrantAwardInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('grantAward', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const awardId = randomUUID();
      const result = await this.awards.handle(
        awardId,
        async () => {
          const { recipient, ancestorIds } = await this.recipientStreamFacts.onDate(input.recipientId, effectiveDate);
          return {
            type: 'GrantAward' as const,
            awardId,
            recipientId: input.recipientId,
            recipient,
            recipientAncestorIds: ancestorIds,
            title: input.title,
            otherTitle: input.otherTitle ?? null,
            grantedById: input.grantedById,
            grantedBy: await this.unitStreamFacts.onDate(input.grantedById, effectiveDate),
            citation: input.citation ?? null,
            effectiveDate,
            today,
          };
        },
        { ...commandOptions, createsStream: true },
      );
      return { ...result, subjectId: awardId };
    });
  }

  revoke(input: { awardId: string; reason: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('revokeAward', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.awards.handle(
        input.awardId,
        { type: 'RevokeAward', awardId: input.awardId, reason: input.reason, effectiveDate, today },
        commandOptions,
      );
      return { ...result, subjectId: input.awardId };
    });
  }
}
