import type { MutationOptions } from '../../app/commands/mutationRunner';
import { callerOptionsOf, type ApiContext } from './context';
import type { MutationInput } from './mutationInput';

/** The command options of a mutation: its input's common fields (null means not given) and the caller. */
export function mutationOptions(input: MutationInput, context: ApiContext): MutationOptions {
  return {
    effectiveDate: input.effectiveDate ?? undefined,
    idempotencyKey: input.idempotencyKey ?? undefined,
    expectedVersion: input.expectedVersion ?? undefined,
    ...callerOptionsOf(context),
  };
}
