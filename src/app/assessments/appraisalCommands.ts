import { randomUUID } from 'node:crypto';
import { appraisalDecider } from '../../domain/assessments/appraisal.decide';
import { appraisalStream } from '../../domain/assessments/appraisal.events';
import type { AssessmentFacts } from './assessmentFacts';
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
    private readonly facts: AssessmentFacts,
  ) {}

  record(input: RecordAppraisalInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordAppraisal', input, options, async ({ handler, effectiveDate, today, command }) => {
      const appraisalId = randomUUID();
      const result = await handler.handle(
        appraisalStream(input.memberId),
        appraisalDecider,
        async () => ({
          type: 'RecordAppraisal' as const,
          appraisalId,
          memberId: input.memberId,
          member: await this.facts.appraisedMember(input.memberId, effectiveDate),
          year: input.year,
          grade: input.grade,
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: appraisalId };
    });
  }
}
