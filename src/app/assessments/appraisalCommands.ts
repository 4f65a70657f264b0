import { randomUUID } from 'node:crypto';
import type { AppraisalState } from '../../domain/assessments/appraisal';
import type { AppraisalCommand } from '../../domain/assessments/appraisal.commands';
import type { AssessmentStreamFacts } from './assessmentStreamFacts';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';

export interface RecordAppraisalInput {
  memberId: string;
  year: number;
  grade: string;
}

/** Commands on democratic appraisals. Each returns the new appraisal's id as subject. */
export class AppraisalCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly appraisals: CommandPath<AppraisalCommand, AppraisalState>,
    private readonly assessmentStreamFacts: AssessmentStreamFacts,
  ) {}

  record(input: RecordAppraisalInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordAppraisal', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const appraisalId = randomUUID();
      const result = await this.appraisals.handle(
        input.memberId,
        async () => ({
          type: 'RecordAppraisal' as const,
          appraisalId,
          memberId: input.memberId,
          member: await this.assessmentStreamFacts.appraisedMember(input.memberId, effectiveDate),
          year: input.year,
          grade: input.grade,
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: appraisalId };
    });
  }
}
