import { InvalidInput } from '../../domain/shared/errors';
import type { Clock } from '../clock';
import { today } from '../clock';
import { ProjectionLagError } from '../projector/positionWaiters';
import type { Projector } from '../projector/projector';
import type { CommandOptions, CommandResult } from './commandHandler';
import type { BeforeAppend, IdempotencyKeys, RememberedResult } from './idempotency';

/** What every mutation takes besides its own fields (API.md "Mutations"). */
export interface MutationOptions {
  /** Default: today. */
  effectiveDate?: string;
  idempotencyKey?: string;
  expectedVersion?: number;
  actor: string;
  actorSubject?: string;
  /** Whose idempotency keys these are (a token's source and subject): one caller's never answer another's. */
  idempotencyOwner?: string;
  /** The subtree the caller reaches (none: the whole organization): refusals name nothing outside it. */
  scopeRoot?: string;
  correlationId?: string;
}

/** What a mutation's body gets: the resolved dates and the options to hand to a command path. */
export interface MutationScope {
  effectiveDate: string;
  today: string;
  commandOptions: CommandOptions;
}

/**
 * For mutations whose input names the day the fact happened (`heldOn`, `startOn`): that day is
 * the effective date. Giving both with different values is refused; either one alone is used.
 */
export function effectiveOn(day: string | null | undefined, options: MutationOptions, refusal: { code: string; field: string; what: string }): MutationOptions {
  if (day === null || day === undefined) return options;
  if (options.effectiveDate !== undefined && day !== options.effectiveDate) {
    throw new InvalidInput(
      refusal.code,
      `${refusal.field} ${day} differs from input.effectiveDate ${options.effectiveDate}: ${refusal.what}; give one of them`,
      refusal.field,
    );
  }
  return { ...options, effectiveDate: day };
}

export type MutationBody = (scope: MutationScope) => Promise<CommandResult & { subjectId: string }>;

/**
 * Runs a mutation: fills in the effective date, applies the idempotency key, and returns once
 * the read models include what it wrote, so the payload reads its own write.
 */
export class MutationRunner {
  constructor(
    private readonly idempotency: IdempotencyKeys,
    private readonly projector: Projector,
    private readonly clock: Clock,
  ) {}

  async run(mutation: string, input: object, options: MutationOptions, body: MutationBody): Promise<RememberedResult> {
    if (options.idempotencyKey !== undefined && options.idempotencyKey.trim() === '') {
      // An empty key would silently turn idempotency off: two sends, two facts.
      throw new InvalidInput('IDEMPOTENCY.EMPTY_KEY', 'input.idempotencyKey must not be empty: omit it to record without one', 'input.idempotencyKey');
    }
    const now = today(this.clock);
    const scope: MutationScope = {
      effectiveDate: options.effectiveDate ?? now,
      today: now,
      commandOptions: {
        expectedVersion: options.expectedVersion,
        metadata: { actor: options.actor, actorSubject: options.actorSubject, correlationId: options.correlationId, idempotencyKey: options.idempotencyKey },
      },
    };
    const execute = (beforeAppend?: BeforeAppend): Promise<RememberedResult> =>
      body(beforeAppend === undefined ? scope : { ...scope, commandOptions: { ...scope.commandOptions, beforeAppend } });
    const result = options.idempotencyKey
      ? await this.idempotency.run(options.idempotencyKey, { mutation, input: { ...input, ...withoutActor(options) } }, execute, options.idempotencyOwner)
      : await execute();
    if (result.eventIds.length > 0) await this.readModelsInclude(result.position);
    return result;
  }

  /**
   * The write is recorded whatever happens here: if the read models lag, the mutation still
   * succeeds, and its payload may show the object as it was; `position` lets the client wait.
   */
  private async readModelsInclude(position: string): Promise<void> {
    try {
      await this.projector.waitFor(position);
    } catch (error) {
      if (!(error instanceof ProjectionLagError)) throw error;
    }
  }
}

function withoutActor({ effectiveDate, expectedVersion }: MutationOptions): object {
  return { effectiveDate, expectedVersion };
}
