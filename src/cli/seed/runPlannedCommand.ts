import type { RememberedResult } from '../../app/commands/idempotency';
import type { PlanIds } from './planIds';
import type { SeedTarget } from './seedCommand';
import { seedCommandOf, type PlannedCommand } from './seedCommands';

export type { SeedTarget } from './seedCommand';

export interface RunOptions {
  /** Recorded as the actor of every event. */
  actor: string;
  /** Establish units without their codes (codes must be unique among active units). */
  withoutCodes: boolean;
}

/** Runs one planned command through the app's command layer and remembers the ids it created. */
export function runPlannedCommand(app: SeedTarget, command: PlannedCommand, ids: PlanIds, options: RunOptions): Promise<RememberedResult> {
  const mutation = { effectiveDate: command.on, actor: options.actor };
  return seedCommandOf(command).run(app, command, ids, { mutation, withoutCodes: options.withoutCodes });
}
