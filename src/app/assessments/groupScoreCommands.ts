import { randomUUID } from 'node:crypto';
import { groupScoreDecider } from '../../domain/assessments/groupScore.decide';
import { groupScoreStream } from '../../domain/assessments/groupScore.events';
import type { TypedScores } from '../../domain/assessments/scoreCategories';
import type { AssessmentFacts } from './assessmentFacts';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';

export interface RecordGroupScoreInput {
  groupId: string;
  quarter: string;
  /** Decimal strings with at most two places, per category. */
  scores: Partial<TypedScores> | null;
}

/** Commands on group scores. Each returns the new score's id as subject. */
export class GroupScoreCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly facts: AssessmentFacts,
  ) {}

  record(input: RecordGroupScoreInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordGroupScore', input, options, async ({ handler, effectiveDate, today, command }) => {
      const scoreId = randomUUID();
      const result = await handler.handle(
        groupScoreStream(input.groupId),
        groupScoreDecider,
        async () => ({
          type: 'RecordGroupScore' as const,
          scoreId,
          groupId: input.groupId,
          group: await this.facts.scoredUnit(input.groupId, effectiveDate),
          quarter: input.quarter,
          scores: input.scores,
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: scoreId };
    });
  }
}
