import { randomUUID } from 'node:crypto';
import { duesDecider } from '../../domain/dues/dues.decide';
import { duesStream } from '../../domain/dues/dues.events';
import type { DuesPolicy } from '../../domain/dues/duesPolicy';
import type { DuesFacts } from './duesFacts';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';

export interface SetDuesBaseInput {
  memberId: string;
  category: string;
  monthlyIncome: string;
}

export interface RecordDuesPaymentInput {
  memberId: string;
  period: string;
  amount: string;
  extra: boolean;
}

/** Commands on a member's dues: set the base, record a payment. The base returns the member's id as subject, a payment its own id. */
export class DuesCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly facts: DuesFacts,
    private readonly policy: DuesPolicy,
  ) {}

  setBase(input: SetDuesBaseInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('setDuesBase', input, options, async ({ handler, effectiveDate, today, command }) => {
      const result = await handler.handle(
        duesStream(input.memberId),
        duesDecider,
        async () => ({
          type: 'SetDuesBase' as const,
          memberId: input.memberId,
          member: await this.facts.member(input.memberId),
          category: input.category,
          monthlyIncome: input.monthlyIncome,
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: input.memberId };
    });
  }

  recordPayment(input: RecordDuesPaymentInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordDuesPayment', input, options, async ({ handler, effectiveDate, today, command }) => {
      const paymentId = randomUUID();
      const result = await handler.handle(
        duesStream(input.memberId),
        duesDecider,
        async () => ({
          type: 'RecordDuesPayment' as const,
          paymentId,
          memberId: input.memberId,
          member: await this.facts.member(input.memberId),
          period: input.period,
          amount: input.amount,
          extra: input.extra,
          policy: this.policy,
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: paymentId };
    });
  }
}
