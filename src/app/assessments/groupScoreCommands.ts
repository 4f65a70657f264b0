import { randomUUID } from 'node:crypto';
import type { GroupScoreState } from '../../domain/assessments/groupScore';
import type { GroupScoreCommand } from '../../domain/assessments/groupScore.commands';
import type { TypedScores } from '../../domain/assessments/scoreCategories';
import type { AssessmentStreamFacts } from './assessmentStreamFacts';
import type { CommandPath } from '../commands/commandPath';
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
    private readonly groupScores: CommandPath<GroupScoreCommand, GroupScoreState>,
    private readonly assessmentStreamFacts: AssessmentStreamFacts,
  ) {}

  record(input: RecordGroupScoreInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordGroupScore', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const scoreId = randomUUID();
      const result = await this.groupScores.handle(
        input.groupId,
        async () => ({
          type: 'RecordGroupScore' as const,
          scoreId,
          groupId: input.groupId,
          group: await this.assessmentStreamFacts.scoredUnit(input.groupId, effectiveDate),
          quarter: input.quarter,
          scores: input.scores,
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: scoreId };
    });
  }
}
