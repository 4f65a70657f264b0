import { randomUUID } from 'node:crypto';
import type { DuesState } from '../../domain/dues/dues';
import type { DuesCommand } from '../../domain/dues/dues.commands';
import type { DuesPolicy } from '../../domain/dues/duesPolicy';
import type { DuesMemberStreamFacts } from './duesMemberStreamFacts';
import type { CommandPath } from '../commands/commandPath';
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
    private readonly dues: CommandPath<DuesCommand, DuesState>,
    private readonly duesMemberStreamFacts: DuesMemberStreamFacts,
    private readonly policy: DuesPolicy,
  ) {}

  setBase(input: SetDuesBaseInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('setDuesBase', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.dues.handle(
        input.memberId,
        async () => ({
          type: 'SetDuesBase' as const,
          memberId: input.memberId,
          member: await this.duesMemberStreamFacts.member(input.memberId),
          category: input.category,
          monthlyIncome: input.monthlyIncome,
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: input.memberId };
    });
  }

  recordPayment(input: RecordDuesPaymentInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('recordDuesPayment', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const paymentId = randomUUID();
      const result = await this.dues.handle(
        input.memberId,
        async () => ({
          type: 'RecordDuesPayment' as const,
          paymentId,
          memberId: input.memberId,
          member: await this.duesMemberStreamFacts.member(input.memberId),
          period: input.period,
          amount: input.amount,
          extra: input.extra,
          policy: this.policy,
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: paymentId };
    });
  }
}
